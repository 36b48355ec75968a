-- Messages to participants (issue 7): how to reach them, and the outbox.

-- An email address is optional; text messages only with consent. Neither: staff phone them.
ALTER TABLE enrolments ADD COLUMN email TEXT;
ALTER TABLE enrolments ADD COLUMN text_messages INTEGER NOT NULL DEFAULT 0;

-- More private links of one enrolment (every message carries a fresh one; only hashes are kept).
-- A link opens its enrolment only while the enrolment's created_at is the one it was made for:
-- an enrolment cancelled and made again gets new links. In DynamoDB: MANAGE#{hash} with generation.
CREATE TABLE manage_links (
    manage_hash TEXT PRIMARY KEY,
    scope_key   TEXT NOT NULL,
    person_key  TEXT NOT NULL,
    generation  TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX manage_links_by_expiry ON manage_links (expires_at);

-- The outbox: one row per message per event, its key the idempotency key. No names or numbers:
-- the sender reads them from the enrolment when it sends. In DynamoDB: MSGS#{organisationId} /
-- MSG#{key} in the EnrolmentsTable, whose stream feeds the sender.
CREATE TABLE messages (
    organisation_id TEXT NOT NULL,
    key             TEXT NOT NULL,
    kind            TEXT NOT NULL,
    offer_id        TEXT NOT NULL,
    session_id      TEXT,
    scope_key       TEXT NOT NULL,
    person_key      TEXT NOT NULL,
    generation      TEXT NOT NULL,
    note            TEXT,
    status          TEXT NOT NULL,
    channel         TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    error           TEXT,
    handled_by      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    expires_at      INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, key)
);
CREATE INDEX messages_by_expiry ON messages (expires_at);
