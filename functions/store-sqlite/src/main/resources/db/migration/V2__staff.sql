-- Staff sign-in by email, sessions, rate limits (EditorsTable) and the audit trail (AuditTable).

CREATE TABLE staff (
    id               TEXT PRIMARY KEY,
    email            TEXT NOT NULL UNIQUE, -- normalised; the only personal data about staff
    name             TEXT NOT NULL,
    role             TEXT NOT NULL,
    organisation_ids TEXT NOT NULL,        -- JSON array of strings
    created_at       TEXT NOT NULL,
    revoked_at       TEXT
);

-- One-time sign-in links and sessions: only hashes of their secrets.
CREATE TABLE sign_in_links (
    token_hash         TEXT PRIMARY KEY,
    staff_id           TEXT NOT NULL,
    browser_nonce_hash TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    expires_at         INTEGER NOT NULL   -- epoch seconds
);
CREATE INDEX sign_in_links_by_expiry ON sign_in_links (expires_at);

CREATE TABLE staff_sessions (
    token_hash   TEXT PRIMARY KEY,
    staff_id     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   INTEGER NOT NULL         -- epoch seconds; moves with every use
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_by_expiry ON staff_sessions (expires_at);

-- Fixed-window request counters; keys hold hashes, never addresses.
CREATE TABLE rate_limits (
    key          TEXT NOT NULL,
    window_start INTEGER NOT NULL,        -- epoch seconds
    count        INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_by_expiry ON rate_limits (expires_at);

-- API tokens get a public id (the start of their hash) so admins can list and revoke them.
ALTER TABLE editor_tokens ADD COLUMN token_id TEXT;
UPDATE editor_tokens SET token_id = substr(token_hash, 1, 16);
CREATE INDEX editor_tokens_by_id ON editor_tokens (token_id);

-- Append-only; no expiry. Field names only, never values; no participant data.
CREATE TABLE audit_log (
    id              TEXT PRIMARY KEY,
    at              INTEGER NOT NULL,     -- epoch milliseconds
    actor_id        TEXT NOT NULL,
    actor_name      TEXT NOT NULL,
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    organisation_id TEXT,
    action          TEXT NOT NULL,
    fields          TEXT NOT NULL         -- JSON array of field names
);
CREATE INDEX audit_by_record ON audit_log (record_type, record_id, at);
CREATE INDEX audit_by_actor ON audit_log (actor_id, at);
