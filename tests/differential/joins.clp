; Variable joins across patterns, with an inequality between bound variables.
(deftemplate person (slot name) (slot parent))
(deftemplate relation (slot kind) (slot from) (slot to))

(deffacts start
  (person (name bob) (parent ann))
  (person (name carl) (parent ann))
  (person (name dora) (parent bob))
  (person (name ed) (parent bob))
  (person (name fay) (parent carl)))

(defrule grandparent
  (person (name ?child) (parent ?p))
  (person (name ?p) (parent ?g))
  =>
  (assert (relation (kind grandparent) (from ?g) (to ?child))))

(defrule sibling
  (person (name ?a) (parent ?p))
  (person (name ?b&~?a) (parent ?p))
  =>
  (assert (relation (kind sibling) (from ?a) (to ?b))))

(defrule cousin
  (relation (kind sibling) (from ?x) (to ?y))
  (person (name ?c) (parent ?x))
  (person (name ?d) (parent ?y))
  =>
  (assert (relation (kind cousin) (from ?c) (to ?d))))
