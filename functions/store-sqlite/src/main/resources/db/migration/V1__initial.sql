-- The first schema. How each table maps to the DynamoDB items of docs/dynamodb.md: docs/storage.md.

-- CatalogTable: organisations, locations, offers and their sessions.
CREATE TABLE organisations (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    website TEXT
);

CREATE TABLE locations (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    street          TEXT,
    postcode        TEXT,
    city            TEXT,
    latitude        REAL,
    longitude       REAL
);

CREATE TABLE offers (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    title           TEXT NOT NULL,
    summary         TEXT,
    description     TEXT,
    kind            TEXT,
    programme_line  TEXT,
    themes          TEXT NOT NULL,  -- JSON array of strings
    target_groups   TEXT NOT NULL,  -- JSON array of strings
    format          TEXT NOT NULL,
    price_cents     INTEGER NOT NULL,
    provider        TEXT,
    more_info_url   TEXT,
    enrolment_scope TEXT NOT NULL,
    source_id       TEXT,
    external_id     TEXT,
    content_hash    TEXT,
    updated_at      TEXT
);
CREATE INDEX offers_by_organisation ON offers (organisation_id, id);

CREATE TABLE sessions (
    offer_id      TEXT NOT NULL REFERENCES offers (id),
    id            TEXT NOT NULL,
    starts_at     TEXT NOT NULL,  -- wall-clock time in Europe/Amsterdam, ISO-8601
    ends_at       TEXT NOT NULL,
    starts_at_utc TEXT NOT NULL,  -- the same moment in UTC, fixed width: sorts in time order
    location_id   TEXT,
    seats         INTEGER,        -- null: walk in, no enrolment
    taken         INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    PRIMARY KEY (offer_id, id)
);
CREATE INDEX sessions_by_start ON sessions (starts_at_utc, offer_id, id);

-- EnrolmentsTable: the only personal data (name, phone), deleted at expires_at.
CREATE TABLE enrolments (
    scope_key  TEXT NOT NULL,   -- SESSION#{offerId}#{sessionId} or COURSE#{offerId}
    person_key TEXT NOT NULL,
    offer_id   TEXT NOT NULL,
    session_id TEXT,
    name       TEXT NOT NULL,
    phone      TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL, -- epoch seconds, as DynamoDB TTL reads it
    PRIMARY KEY (scope_key, person_key)
);
CREATE INDEX enrolments_by_expiry ON enrolments (expires_at);

-- EditorsTable: API tokens, only as SHA-256 hashes.
CREATE TABLE editor_tokens (
    token_hash       TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL,
    organisation_ids TEXT NOT NULL, -- JSON array of strings
    created_at       TEXT NOT NULL,
    expires_at       INTEGER        -- epoch seconds; null: never
);
CREATE INDEX editor_tokens_by_expiry ON editor_tokens (expires_at);

-- The stream of every table: one row per changed item, written in the same transaction as the
-- change, in commit order. The local runtime delivers it as DynamoDB stream records.
CREATE TABLE change_log (
    sequence_number INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name      TEXT NOT NULL,  -- the table's name as the functions know it (CATALOG_TABLE, ...)
    event_name      TEXT NOT NULL,  -- INSERT, MODIFY or REMOVE
    keys            TEXT NOT NULL,  -- the item's key in DynamoDB JSON: {"pk":{"S":"OFFER#..."},"sk":{"S":"OFFER"}}
    new_image       TEXT,           -- DynamoDB JSON, when the writer provides it
    old_image       TEXT,
    by_service      INTEGER NOT NULL DEFAULT 0, -- 1: removed by the expiry sweeper, as DynamoDB TTL does
    created_at      INTEGER NOT NULL            -- epoch milliseconds
);
CREATE INDEX change_log_by_table ON change_log (table_name, sequence_number);

-- How far each stream consumer (event source mapping) has read the change log.
CREATE TABLE stream_positions (
    consumer        TEXT PRIMARY KEY,
    sequence_number INTEGER NOT NULL
);
