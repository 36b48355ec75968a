-- The partner feeds the regional admin keeps in the workspace, and what each run did.
CREATE TABLE partner_feeds (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    url             TEXT NOT NULL,
    format          TEXT NOT NULL,
    schedule        TEXT NOT NULL,
    categories      TEXT NOT NULL, -- JSON list of {partnerCategory, programmeLine, theme}
    created_at      TEXT,
    updated_at      TEXT
);

CREATE TABLE feed_runs (
    feed_id        TEXT NOT NULL,
    started_ms     INTEGER NOT NULL, -- epoch milliseconds: sorts as time does
    finished_at    TEXT,
    failure        TEXT,
    report         TEXT,             -- JSON of the import's report; null when the run failed
    rejected_total INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (feed_id, started_ms)
);
