; Bubble sort by modify: each strategy swaps in its own order and ends sorted.
(deftemplate cell (slot pos) (slot value))

(deffacts start
  (cell (pos 1) (value 40))
  (cell (pos 2) (value 10))
  (cell (pos 3) (value 30))
  (cell (pos 4) (value 20)))

(defrule swap
  ?a <- (cell (pos ?i) (value ?x))
  ?b <- (cell (pos ?j) (value ?y&:(< ?y ?x)))
  (test (= ?j (+ ?i 1)))
  =>
  (modify ?a (value ?y))
  (modify ?b (value ?x)))

(defrule sorted
  (declare (salience -1))
  (not (and (cell (pos ?i) (value ?x))
            (cell (pos ?j) (value ?y&:(< ?y ?x)))
            (test (= ?j (+ ?i 1)))))
  =>
  (printout t "sorted" crlf))
