; Patterns with constant slot values; assert.
(deftemplate item (slot kind) (slot size))
(deftemplate found (slot kind) (slot size))

(deffacts start
  (item (kind apple) (size 3))
  (item (kind pear) (size 5))
  (item (kind apple) (size 7))
  (item (kind plum) (size 1))
  (item (kind apple) (size 1)))

(defrule apples
  (item (kind apple) (size ?s))
  =>
  (assert (found (kind apple) (size ?s))))

(defrule small-plums
  (item (kind plum) (size 1))
  =>
  (assert (found (kind plum) (size 1))))

(defrule small-items
  (item (kind ?k) (size 1))
  =>
  (printout t "small " ?k crlf))
