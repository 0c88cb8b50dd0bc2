; Asserting a fact identical to one present adds nothing and activates nothing.
(deftemplate colour (slot name))
(deftemplate seen (slot name))

(deffacts start
  (colour (name red))
  (colour (name blue))
  (colour (name red)))

(defrule see
  (colour (name ?c))
  =>
  (assert (seen (name ?c)))
  (assert (seen (name ?c)))
  (assert (colour (name red))))

(defrule seen-once
  (seen (name ?c))
  =>
  (printout t "seen " ?c crlf))
