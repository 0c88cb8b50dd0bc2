; `exists`: fires once however many facts match, per zone through a join.
(deftemplate zone (slot name))
(deftemplate alarm (slot zone) (slot level))
(deftemplate alert (slot zone))

(deffacts start
  (zone (name north))
  (zone (name south))
  (zone (name east))
  (alarm (zone north) (level 1))
  (alarm (zone north) (level 3))
  (alarm (zone east) (level 2))
  (alarm (zone north) (level 2)))

(defrule any-alarm
  (exists (alarm (level ?l&:(> ?l 1))))
  =>
  (printout t "some alarm is serious" crlf))

(defrule zone-alarm
  (zone (name ?z))
  (exists (alarm (zone ?z)))
  =>
  (assert (alert (zone ?z))))

(defrule quiet-zone
  (zone (name ?z))
  (not (exists (alarm (zone ?z))))
  =>
  (printout t ?z " is quiet" crlf))
