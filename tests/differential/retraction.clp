; retract: stale readings are removed; rules that matched them lose their activations.
(deftemplate reading (slot sensor) (slot time))
(deftemplate latest (slot sensor) (slot time))

(deffacts start
  (reading (sensor a) (time 1))
  (reading (sensor a) (time 3))
  (reading (sensor b) (time 2))
  (reading (sensor a) (time 2))
  (reading (sensor b) (time 5)))

(defrule drop-older
  (declare (salience 10))
  ?old <- (reading (sensor ?s) (time ?t1))
  (reading (sensor ?s) (time ?t2&:(> ?t2 ?t1)))
  =>
  (retract ?old))

(defrule keep-latest
  (reading (sensor ?s) (time ?t))
  (not (reading (sensor ?s) (time ?t3&:(> ?t3 ?t))))
  =>
  (assert (latest (sensor ?s) (time ?t))))
