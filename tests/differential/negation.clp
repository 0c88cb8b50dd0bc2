; `not`: orders without a shipment, and a negation that becomes true after a retract.
(deftemplate order (slot id))
(deftemplate shipment (slot order))
(deftemplate missing (slot order))

(deffacts start
  (order (id 1))
  (order (id 2))
  (order (id 3))
  (shipment (order 2))
  (shipment (order 4)))

(defrule unshipped
  (order (id ?i))
  (not (shipment (order ?i)))
  =>
  (assert (missing (order ?i))))

(defrule orphan-shipment
  (declare (salience -5))
  ?s <- (shipment (order ?i))
  (not (order (id ?i)))
  =>
  (retract ?s))

(defrule nothing-orphaned
  (declare (salience -10))
  (not (shipment (order 4)))
  (not (missing (order 2)))
  =>
  (printout t "no orphans left" crlf))
