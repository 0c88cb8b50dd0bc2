; Waltz: the classic line-labelling benchmark of production systems (the OPS5
; benchmark suite of the University of Texas; Waltz, 1975), in CLIPS 6.30. The rules
; are those of waltz.koers, in the same order and with the same saliences; the lines
; and the stage come from the facts file written by koers_gen_waltz (load it with
; load-facts after reset).
;
; A point is one integer, x * 100 + y. make-3-junction sorts out a junction of three
; edges with exact integer cross and dot products, as the functions of waltz.koers do:
; a tee has two opposite edges, an arrow has its three edges within a half plane, any
; other junction of three is a fork; the shaft (p2) is the middle edge of an arrow and
; the edge across from the two opposite ones of a tee. Labels are B, plus and minus;
; none is an edge not labelled yet.
(deftemplate stage (slot value))
(deftemplate line (slot p1) (slot p2))
(deftemplate edge (slot p1) (slot p2) (slot joined (default false)) (slot label (default none))
  (slot plotted (default false)))
(deftemplate junction (slot type) (slot base_point) (slot p1) (slot p2) (slot p3))

(deffunction x-of (?p) (div ?p 100))
(deffunction y-of (?p) (mod ?p 100))

(deffunction cross (?b ?p ?q)
  (- (* (- (x-of ?p) (x-of ?b)) (- (y-of ?q) (y-of ?b)))
     (* (- (y-of ?p) (y-of ?b)) (- (x-of ?q) (x-of ?b)))))

(deffunction dot (?b ?p ?q)
  (+ (* (- (x-of ?p) (x-of ?b)) (- (x-of ?q) (x-of ?b)))
     (* (- (y-of ?p) (y-of ?b)) (- (y-of ?q) (y-of ?b)))))

(deffunction opposite (?b ?p ?q)
  (and (= (cross ?b ?p ?q) 0) (< (dot ?b ?p ?q) 0)))

(deffunction between (?b ?i ?k ?j)
  (bind ?ij (cross ?b ?i ?j))
  (and (<> ?ij 0) (> (* (cross ?b ?i ?k) ?ij) 0) (> (* (cross ?b ?k ?j) ?ij) 0)))

(deffunction shaft-is (?b ?shaft ?u ?v)
  (or (opposite ?b ?u ?v) (between ?b ?u ?shaft ?v)))

(deffunction make-3-junction (?b ?p1 ?p2 ?p3)
  (bind ?type fork)
  (if (or (opposite ?b ?p1 ?p2) (opposite ?b ?p1 ?p3) (opposite ?b ?p2 ?p3))
   then (bind ?type tee)
   else (if (or (between ?b ?p2 ?p1 ?p3) (between ?b ?p1 ?p2 ?p3) (between ?b ?p1 ?p3 ?p2))
         then (bind ?type arrow)))
  (if (shaft-is ?b ?p1 ?p2 ?p3)
   then (assert (junction (type ?type) (base_point ?b) (p1 ?p2) (p2 ?p1) (p3 ?p3)))
   else (if (shaft-is ?b ?p3 ?p1 ?p2)
         then (assert (junction (type ?type) (base_point ?b) (p1 ?p1) (p2 ?p3) (p3 ?p2)))
         else (assert (junction (type ?type) (base_point ?b) (p1 ?p1) (p2 ?p2) (p3 ?p3))))))

(defrule begin
  ?s <- (stage (value start))
  =>
  (modify ?s (value duplicate)))

(defrule reverse_edges
  (stage (value duplicate))
  ?l <- (line (p1 ?p1) (p2 ?p2))
  =>
  (assert (edge (p1 ?p1) (p2 ?p2)))
  (assert (edge (p1 ?p2) (p2 ?p1)))
  (retract ?l))

(defrule done_reversing
  (declare (salience -10))
  ?s <- (stage (value duplicate))
  (not (line))
  =>
  (modify ?s (value detect_junctions)))

(defrule make_3_junction
  (declare (salience 10))
  (stage (value detect_junctions))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1) (joined false))
  ?e2 <- (edge (p1 ?bp) (p2 ?p2&~?p1) (joined false))
  ?e3 <- (edge (p1 ?bp) (p2 ?p3&~?p1&~?p2) (joined false))
  =>
  (make-3-junction ?bp ?p1 ?p2 ?p3)
  (modify ?e1 (joined true))
  (modify ?e2 (joined true))
  (modify ?e3 (joined true)))

(defrule make_L
  (stage (value detect_junctions))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2) (joined false))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3&~?p2) (joined false))
  (not (edge (p1 ?bp) (p2 ~?p2&~?p3)))
  =>
  (assert (junction (type L) (base_point ?bp) (p1 ?p2) (p2 ?p3)))
  (modify ?e1 (joined true))
  (modify ?e2 (joined true)))

(defrule done_detecting
  (declare (salience -10))
  ?s <- (stage (value detect_junctions))
  =>
  (modify ?s (value find_initial_boundary)))

(defrule initial_boundary_junction_L
  ?s <- (stage (value find_initial_boundary))
  (junction (type L) (base_point ?bp) (p1 ?p1) (p2 ?p2))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1))
  ?e2 <- (edge (p1 ?bp) (p2 ?p2))
  (not (junction (base_point ?other&:(> ?other ?bp))))
  =>
  (modify ?e1 (label B))
  (modify ?e2 (label B))
  (modify ?s (value find_second_boundary)))

(defrule initial_boundary_junction_arrow
  ?s <- (stage (value find_initial_boundary))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1))
  ?e2 <- (edge (p1 ?bp) (p2 ?p2))
  ?e3 <- (edge (p1 ?bp) (p2 ?p3))
  (not (junction (base_point ?other&:(> ?other ?bp))))
  =>
  (modify ?e1 (label B))
  (modify ?e2 (label plus))
  (modify ?e3 (label B))
  (modify ?s (value find_second_boundary)))

(defrule second_boundary_junction_L
  ?s <- (stage (value find_second_boundary))
  (junction (type L) (base_point ?bp) (p1 ?p1) (p2 ?p2))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1))
  ?e2 <- (edge (p1 ?bp) (p2 ?p2))
  (not (junction (base_point ?other&:(< ?other ?bp))))
  =>
  (modify ?e1 (label B))
  (modify ?e2 (label B))
  (modify ?s (value labeling)))

(defrule second_boundary_junction_arrow
  ?s <- (stage (value find_second_boundary))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1))
  ?e2 <- (edge (p1 ?bp) (p2 ?p2))
  ?e3 <- (edge (p1 ?bp) (p2 ?p3))
  (not (junction (base_point ?other&:(< ?other ?bp))))
  =>
  (modify ?e1 (label B))
  (modify ?e2 (label plus))
  (modify ?e3 (label B))
  (modify ?s (value labeling)))

(defrule match_edge
  (stage (value labeling))
  ?e1 <- (edge (p1 ?p1) (p2 ?p2) (label ?label&B|plus|minus))
  ?e2 <- (edge (p1 ?p2) (p2 ?p1) (label none))
  =>
  (modify ?e1 (plotted true))
  (modify ?e2 (label ?label) (plotted true)))

(defrule label_L
  (stage (value labeling))
  (junction (type L) (base_point ?bp))
  (edge (p1 ?bp) (p2 ?p2) (label plus|minus))
  ?e <- (edge (p1 ?bp) (p2 ~?p2) (label none))
  =>
  (modify ?e (label B)))

(defrule label_tee_A
  (declare (salience 5))
  (stage (value labeling))
  (junction (type tee) (base_point ?bp) (p1 ?p1) (p3 ?p3))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3))
  =>
  (modify ?e1 (label B))
  (modify ?e2 (label B)))

(defrule label_tee_B
  (stage (value labeling))
  (junction (type tee) (base_point ?bp) (p1 ?p1) (p3 ?p3))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3) (label none))
  =>
  (modify ?e1 (label B))
  (modify ?e2 (label B)))

(defrule label_fork_1
  (stage (value labeling))
  (junction (type fork) (base_point ?bp))
  (edge (p1 ?bp) (p2 ?p1) (label plus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2&~?p1) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ~?p1&~?p2))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label plus)))

(defrule label_fork_2
  (stage (value labeling))
  (junction (type fork) (base_point ?bp))
  (edge (p1 ?bp) (p2 ?p1) (label B))
  (edge (p1 ?bp) (p2 ?p2&~?p1) (label minus))
  ?e <- (edge (p1 ?bp) (p2 ~?p1&~?p2) (label none))
  =>
  (modify ?e (label B)))

(defrule label_fork_3
  (stage (value labeling))
  (junction (type fork) (base_point ?bp))
  (edge (p1 ?bp) (p2 ?p1) (label B))
  (edge (p1 ?bp) (p2 ?p2&~?p1) (label B))
  ?e <- (edge (p1 ?bp) (p2 ~?p1&~?p2) (label none))
  =>
  (modify ?e (label minus)))

(defrule label_fork_4
  (stage (value labeling))
  (junction (type fork) (base_point ?bp))
  (edge (p1 ?bp) (p2 ?p1) (label minus))
  (edge (p1 ?bp) (p2 ?p2&~?p1) (label minus))
  ?e <- (edge (p1 ?bp) (p2 ~?p1&~?p2) (label none))
  =>
  (modify ?e (label minus)))

(defrule label_arrow_1A
  (declare (salience 5))
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p1) (label ?label&B|minus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label ?label)))

(defrule label_arrow_1B
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p1) (label ?label&B|minus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3) (label none))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label ?label)))

(defrule label_arrow_2A
  (declare (salience 5))
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p3) (label ?label&B|minus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ?p1))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label ?label)))

(defrule label_arrow_2B
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p3) (label ?label&B|minus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2))
  ?e2 <- (edge (p1 ?bp) (p2 ?p1) (label none))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label ?label)))

(defrule label_arrow_3A
  (declare (salience 5))
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p1) (label plus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3))
  =>
  (modify ?e1 (label minus))
  (modify ?e2 (label plus)))

(defrule label_arrow_3B
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p1) (label plus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3) (label none))
  =>
  (modify ?e1 (label minus))
  (modify ?e2 (label plus)))

(defrule label_arrow_4A
  (declare (salience 5))
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p3) (label plus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ?p1))
  =>
  (modify ?e1 (label minus))
  (modify ?e2 (label plus)))

(defrule label_arrow_4B
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p3) (label plus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p2))
  ?e2 <- (edge (p1 ?bp) (p2 ?p1) (label none))
  =>
  (modify ?e1 (label minus))
  (modify ?e2 (label plus)))

(defrule label_arrow_5A
  (declare (salience 5))
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p2) (label minus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3) (label none))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label plus)))

(defrule label_arrow_5B
  (stage (value labeling))
  (junction (type arrow) (base_point ?bp) (p1 ?p1) (p2 ?p2) (p3 ?p3))
  (edge (p1 ?bp) (p2 ?p2) (label minus))
  ?e1 <- (edge (p1 ?bp) (p2 ?p1) (label none))
  ?e2 <- (edge (p1 ?bp) (p2 ?p3))
  =>
  (modify ?e1 (label plus))
  (modify ?e2 (label plus)))

(defrule done_labeling
  (declare (salience -10))
  ?s <- (stage (value labeling))
  =>
  (modify ?s (value plot_remaining_edges)))

(defrule plot_remaining
  (stage (value plot_remaining_edges))
  ?e <- (edge (plotted false) (label ~none))
  =>
  (modify ?e (plotted true)))

(defrule plot_boundaries
  (stage (value plot_remaining_edges))
  ?e <- (edge (plotted false) (label none))
  =>
  (modify ?e (plotted true)))

(defrule done_plotting
  (declare (salience -10))
  ?s <- (stage (value plot_remaining_edges))
  =>
  (modify ?s (value done)))

(defrule done
  (stage (value done))
  =>)
