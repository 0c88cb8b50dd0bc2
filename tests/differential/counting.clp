; Counting with modify, as CLIPS has no aggregates: each item is counted once.
(deftemplate item (slot name) (slot counted (default FALSE)))
(deftemplate counter (slot total (default 0)))

(deffacts start
  (counter)
  (item (name a))
  (item (name b))
  (item (name c))
  (item (name d)))

(defrule count-item
  ?i <- (item (name ?n) (counted FALSE))
  ?c <- (counter (total ?t))
  =>
  (modify ?c (total (+ ?t 1)))
  (modify ?i (counted TRUE))
  (printout t "counted " ?n " as " (+ ?t 1) crlf))
