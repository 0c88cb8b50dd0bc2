; Salience orders activations before the strategy does, negative values included.
(deftemplate signal (slot n))
(deftemplate seen (slot rule) (slot n))

(deffacts start
  (signal (n 1))
  (signal (n 2))
  (signal (n 3)))

(defrule low
  (declare (salience -10))
  (signal (n ?n))
  =>
  (assert (seen (rule low) (n ?n))))

(defrule normal
  (signal (n ?n))
  =>
  (assert (seen (rule normal) (n ?n))))

(defrule high
  (declare (salience 20))
  (signal (n ?n))
  =>
  (assert (seen (rule high) (n ?n))))

(defrule higher-on-seen
  (declare (salience 5))
  (seen (rule high) (n ?n))
  (signal (n ?n))
  =>
  (printout t "high saw " ?n crlf))
