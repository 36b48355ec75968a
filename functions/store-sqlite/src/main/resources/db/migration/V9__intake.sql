-- Intake first (issue 7): enrolling in such an offer is a request; staff accept or decline it
-- after an intake call. intake_holds_seat: the request keeps a seat free while it waits (a
-- request without one has ticket -1 on its enrolment).
ALTER TABLE offers ADD COLUMN intake INTEGER NOT NULL DEFAULT 0;
ALTER TABLE offers ADD COLUMN intake_holds_seat INTEGER NOT NULL DEFAULT 0;
