; halt stops the run after the rule, with activations left on the agenda.
(deftemplate task (slot id))
(deftemplate done (slot id))

(deffacts start
  (task (id 1))
  (task (id 2))
  (task (id 3))
  (task (id 4))
  (task (id 5)))

(defrule work
  (task (id ?i))
  =>
  (assert (done (id ?i))))

(defrule stop-at-three
  (done (id 3))
  =>
  (printout t "stopping" crlf)
  (halt))
