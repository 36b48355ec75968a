-- Accessibility of a place: a JSON array of STEP_FREE, ACCESSIBLE_TOILET, HEARING_LOOP, QUIET_ROOM.
ALTER TABLE locations ADD COLUMN accessibility TEXT;
