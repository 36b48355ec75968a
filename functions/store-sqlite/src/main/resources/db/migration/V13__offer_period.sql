-- An offer without dates may run in a period (ISO dates, both days included) at a place, or none.
ALTER TABLE offers ADD COLUMN period_start TEXT;
ALTER TABLE offers ADD COLUMN period_end TEXT;
ALTER TABLE offers ADD COLUMN period_location TEXT;
