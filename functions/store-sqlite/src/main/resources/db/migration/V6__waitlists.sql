-- Waitlists and private links (issue 7).

-- How many may wait when an offer is full: NULL for no maximum (the default), 0 for no waitlist.
ALTER TABLE offers ADD COLUMN waitlist_limit INTEGER;

-- Order of arrival on the waitlist (0 for who got a seat at once), and the hash of the secret in
-- the person's private link.
ALTER TABLE enrolments ADD COLUMN ticket INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enrolments ADD COLUMN manage_hash TEXT;
CREATE UNIQUE INDEX enrolments_by_manage_hash ON enrolments (manage_hash) WHERE manage_hash IS NOT NULL;
CREATE INDEX enrolments_waiting ON enrolments (scope_key, status, ticket);

-- Stand-ins for repeated enrolments (EnrolmentService.asIfNew): the answer a newcomer would have
-- had, behind a private link of its own. They hold no seat and are on no list. In DynamoDB: the
-- MANAGE#{hash} item with phantom = true.
CREATE TABLE phantom_enrolments (
    manage_hash TEXT PRIMARY KEY,
    offer_id    TEXT NOT NULL,
    session_id  TEXT,
    person_key  TEXT NOT NULL,
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL,
    status      TEXT NOT NULL,
    position    INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX phantom_enrolments_by_expiry ON phantom_enrolments (expires_at);
