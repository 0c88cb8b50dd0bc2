; Comparison tests inside patterns: <, <=, >, >=, !=, ranges and sets.
(deftemplate reading (slot sensor) (slot value))
(deftemplate flag (slot sensor) (slot level))

(deffacts start
  (reading (sensor s1) (value 5))
  (reading (sensor s2) (value 55))
  (reading (sensor s3) (value 20))
  (reading (sensor s4) (value 10))
  (reading (sensor s5) (value 90)))

(defrule high
  (reading (sensor ?s) (value ?v&:(> ?v 50)))
  =>
  (assert (flag (sensor ?s) (level high)))
  (printout t ?s " high at " ?v crlf))

(defrule low
  (reading (sensor ?s) (value ?v&:(<= ?v 10)))
  =>
  (assert (flag (sensor ?s) (level low))))

(defrule middle
  (reading (sensor ?s) (value ?v&:(>= ?v 11)&:(<= ?v 50)))
  =>
  (assert (flag (sensor ?s) (level middle))))

(defrule not-s1-and-odd-tens
  (reading (sensor ~s1) (value ?v&5|55|90))
  =>
  (printout t "listed " ?v crlf))

(defrule higher-than
  (reading (sensor ?a) (value ?x))
  (reading (sensor ?b) (value ?y&:(>= ?y (+ ?x 45))))
  =>
  (printout t ?b " exceeds " ?a crlf))
