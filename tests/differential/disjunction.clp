; `or`: one rule per alternative; each alternative activates on its own.
(deftemplate animal (slot name) (slot sound) (slot legs))
(deftemplate pet (slot name))

(deffacts start
  (animal (name rex) (sound bark) (legs 4))
  (animal (name tom) (sound meow) (legs 4))
  (animal (name polly) (sound talk) (legs 2))
  (animal (name nemo) (sound none) (legs 0)))

(defrule is-pet
  (or (animal (name ?n) (sound bark))
      (animal (name ?n) (sound meow))
      (animal (name ?n) (sound talk) (legs 2)))
  =>
  (assert (pet (name ?n))))

(defrule loud-or-legless
  (animal (name ?n))
  (or (animal (name ?n) (sound bark))
      (animal (name ?n) (legs 0)))
  =>
  (printout t ?n " is loud or legless" crlf))
