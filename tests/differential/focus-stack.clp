; The focus stack: a stage may focus another; each returns to the one below it, and
; activations of a stage not on the stack wait.
(defmodule MAIN (export ?ALL))

(deftemplate step (slot n))
(deftemplate log (slot stage) (slot n))

(deffacts start
  (step (n 1))
  (step (n 2)))

(defrule main-start
  (step (n 1))
  =>
  (focus FIRST))

(defrule main-late
  (declare (salience -5))
  (step (n ?n))
  =>
  (assert (log (stage main) (n ?n))))

(defmodule FIRST (import MAIN ?ALL))

(defrule first-work
  (step (n ?n))
  =>
  (assert (log (stage first) (n ?n))))

(defrule first-push
  (declare (salience 10))
  (step (n 2))
  =>
  (focus SECOND THIRD))

(defmodule SECOND (import MAIN ?ALL))

(defrule second-work
  (step (n ?n))
  (log (stage first) (n ?n))
  =>
  (assert (log (stage second) (n ?n))))

(defmodule THIRD (import MAIN ?ALL))

(defrule third-work
  (log (stage second) (n ?n))
  =>
  (assert (log (stage third) (n ?n))))
