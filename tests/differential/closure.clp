; Forward chaining to a fixpoint: the transitive closure of a graph.
(deftemplate edge (slot from) (slot to))
(deftemplate path (slot from) (slot to))

(deffacts start
  (edge (from a) (to b))
  (edge (from b) (to c))
  (edge (from c) (to d))
  (edge (from b) (to e))
  (edge (from d) (to a)))

(defrule direct
  (edge (from ?x) (to ?y))
  =>
  (assert (path (from ?x) (to ?y))))

(defrule extend
  (path (from ?x) (to ?y))
  (edge (from ?y) (to ?z))
  (not (path (from ?x) (to ?z)))
  =>
  (assert (path (from ?x) (to ?z))))

(defrule cycle
  (declare (salience -1))
  (path (from ?x) (to ?x))
  =>
  (printout t ?x " is on a cycle" crlf))
