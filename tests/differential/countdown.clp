; modify in a loop: a modified fact is new to the agenda and fires again.
(deftemplate counter (slot name) (slot value))
(deftemplate tick (slot name) (slot value))

(deffacts start
  (counter (name x) (value 3))
  (counter (name y) (value 2)))

(defrule count-down
  ?c <- (counter (name ?n) (value ?v&:(> ?v 0)))
  =>
  (assert (tick (name ?n) (value ?v)))
  (modify ?c (value (- ?v 1))))

(defrule done
  (counter (name ?n) (value 0))
  =>
  (printout t ?n " done" crlf))
