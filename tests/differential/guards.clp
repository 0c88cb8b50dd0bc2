; Guards (`where`, CLIPS's test CE) over variables from several patterns.
(deftemplate box (slot id) (slot weight))
(deftemplate pair (slot a) (slot b))

(deffacts start
  (box (id 1) (weight 4))
  (box (id 2) (weight 7))
  (box (id 3) (weight 2))
  (box (id 4) (weight 9)))

(defrule heavy-pair
  (box (id ?a) (weight ?x))
  (box (id ?b) (weight ?y))
  (test (and (< ?a ?b) (> (+ ?x ?y) 10)))
  =>
  (assert (pair (a ?a) (b ?b))))

(defrule odd-weight
  (box (id ?i) (weight ?w))
  (test (= (mod ?w 2) 1))
  =>
  (printout t "box " ?i " has odd weight " ?w crlf))
