; `forall`: a course is complete when every enrolled student has a grade.
(deftemplate course (slot id))
(deftemplate enrolled (slot course) (slot student))
(deftemplate grade (slot course) (slot student))
(deftemplate complete (slot course))

(deffacts start
  (course (id math))
  (course (id art))
  (course (id music))
  (enrolled (course math) (student ann))
  (enrolled (course math) (student bob))
  (enrolled (course art) (student ann))
  (grade (course math) (student ann))
  (grade (course art) (student ann)))

(defrule course-complete
  (course (id ?c))
  (forall (enrolled (course ?c) (student ?s)) (grade (course ?c) (student ?s)))
  =>
  (assert (complete (course ?c))))

(defrule all-graded
  (forall (enrolled (student ?s) (course ?c)) (grade (student ?s) (course ?c)))
  =>
  (printout t "everyone is graded" crlf))

(defrule grade-bob
  (declare (salience -1))
  (enrolled (course ?c) (student bob))
  (not (grade (course ?c) (student bob)))
  =>
  (assert (grade (course ?c) (student bob))))
