; lex and mea: when two activations match the same facts, CLIPS fires the rule with
; more tests (the more specific rule) first, whatever the declaration order.
(deftemplate item (slot kind) (slot size))

(deffacts start
  (item (kind plum) (size 1))
  (item (kind pear) (size 2)))

(defrule specific
  (item (kind plum) (size 1))
  =>
  (printout t "specific" crlf))

(defrule general
  (item (kind ?k))
  =>
  (printout t "general " ?k crlf))

(defrule more-specific-later
  (item (kind ?k&~plum) (size 2))
  =>
  (printout t "more specific " ?k crlf))
