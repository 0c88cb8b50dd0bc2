; focus with stages (CLIPS modules): the first named stage runs first, then the run
; returns to the stage below it on the focus stack.
(defmodule MAIN (export ?ALL))

(deftemplate reading (slot value))
(deftemplate total (slot sum))
(deftemplate line (slot text) (slot value))

(deffacts start
  (reading (value 3))
  (reading (value 4))
  (total (sum 0)))

(defrule begin
  (reading (value 3))
  =>
  (focus COLLECT REPORT))

(defrule after-stages
  (declare (salience -1))
  (line (text total) (value ?v))
  =>
  (printout t "back in main with " ?v crlf))

(defmodule COLLECT (import MAIN ?ALL))

(defrule add-reading
  ?r <- (reading (value ?v))
  ?t <- (total (sum ?s))
  =>
  (retract ?r)
  (modify ?t (sum (+ ?s ?v))))

(defmodule REPORT (import MAIN ?ALL))

(defrule show-total
  (total (sum ?s))
  =>
  (assert (line (text total) (value ?s)))
  (printout t "total " ?s crlf))
