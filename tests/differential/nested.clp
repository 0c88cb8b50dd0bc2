; Nested groups: `not` over a conjunction, and `or` inside `and`.
(deftemplate light (slot room) (slot on))
(deftemplate person (slot room))
(deftemplate room (slot name))
(deftemplate waste (slot room))

(deffacts start
  (room (name hall))
  (room (name kitchen))
  (room (name study))
  (light (room hall) (on TRUE))
  (light (room kitchen) (on TRUE))
  (person (room kitchen))
  (light (room study) (on FALSE)))

(defrule wasted-light
  (room (name ?r))
  (not (or (light (room ?r) (on FALSE)) (person (room ?r))))
  (light (room ?r))
  =>
  (assert (waste (room ?r))))

(defrule empty-and-dark
  (room (name ?r))
  (not (and (person (room ?r)) (light (room ?r) (on TRUE))))
  =>
  (printout t ?r " is not lit for anyone" crlf))
