; One agenda, four orders: depth, breadth, lex and mea differ on this program.
(deftemplate goal (slot name))
(deftemplate item (slot id))
(deftemplate pick (slot goal) (slot item))

(deffacts start
  (goal (name first))
  (item (id 1))
  (item (id 2))
  (goal (name second))
  (item (id 3)))

(defrule match-goal
  (goal (name ?g))
  (item (id ?i))
  =>
  (printout t ?g " with " ?i crlf))

(defrule match-item
  (item (id ?i))
  (goal (name ?g))
  (test (>= ?i 2))
  =>
  (assert (pick (goal ?g) (item ?i))))

(defrule single
  (item (id ?i))
  =>
  (printout t "item " ?i crlf))

(defrule picked
  (pick (goal second) (item ?i))
  (item (id ?i))
  =>
  (printout t "picked " ?i crlf))
