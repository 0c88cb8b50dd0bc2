; Logical support: a fact asserted logically goes when its support goes, and a chain of
; logical facts unwinds with it.
(deftemplate sensor (slot name) (slot state))
(deftemplate alert (slot sensor))
(deftemplate page (slot sensor))

(deffacts start
  (sensor (name s1) (state on))
  (sensor (name s2) (state on))
  (sensor (name s3) (state off)))

(defrule raise-alert
  (logical (sensor (name ?s) (state on)))
  =>
  (assert (alert (sensor ?s))))

(defrule page-someone
  (logical (alert (sensor ?s)))
  =>
  (assert (page (sensor ?s))))

(defrule switch-off
  (declare (salience -10))
  ?f <- (sensor (name s1) (state on))
  (page (sensor s1))
  =>
  (modify ?f (state off)))
