-- CellRadar schema, version 1. Plain SQL that SQLite and PostgreSQL both accept, apart from the
-- key columns (INTEGER PRIMARY KEY here, identity columns there).
-- Dates are ISO 8601 text: they sort and compare correctly as text in both databases.

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    items_read INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    item_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    url TEXT,
    source TEXT,
    -- The publication date as precise as it is known (YYYY, YYYY-MM or YYYY-MM-DD), and where it came from.
    published TEXT,
    published_from TEXT NOT NULL DEFAULT '',
    -- The cleaned text that event evidence offsets point into.
    text TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);

CREATE INDEX ix_items_key ON items (item_key);
CREATE INDEX ix_items_run ON items (run_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    product TEXT NOT NULL CHECK (length(product) > 0),
    product_is_new INTEGER NOT NULL DEFAULT 0 CHECK (product_is_new IN (0, 1)),
    kind TEXT NOT NULL CHECK (kind IN ('designation', 'trial_authorization', 'submission', 'acceptance',
        'approval', 'opinion', 'rejection', 'withdrawal', 'access', 'gmp')),
    subtype TEXT NOT NULL DEFAULT '',
    jurisdiction TEXT NOT NULL CHECK (length(jurisdiction) = 2),
    agency TEXT NOT NULL DEFAULT '',
    -- The date exactly as precise as the text states it; date_start/date_end are the days it stands
    -- for ("2023-06" is 2023-06-01 .. 2023-06-30), used only for filtering.
    date_written TEXT,
    date_start TEXT,
    date_end TEXT,
    status TEXT NOT NULL CHECK (status IN ('occurred', 'ongoing', 'expected')),
    sponsor TEXT NOT NULL DEFAULT '',
    indication TEXT NOT NULL DEFAULT '',
    evidence_start INTEGER NOT NULL CHECK (evidence_start >= 0),
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    extractor_version TEXT NOT NULL,
    CHECK (evidence_end >= evidence_start),
    CHECK ((date_written IS NULL AND date_start IS NULL AND date_end IS NULL)
        OR (date_written IS NOT NULL AND date_start IS NOT NULL AND date_end IS NOT NULL AND date_start <= date_end))
);

CREATE INDEX ix_events_item ON events (item_id);
CREATE INDEX ix_events_product ON events (lower(product));
CREATE INDEX ix_events_jurisdiction_kind ON events (jurisdiction, kind);
CREATE INDEX ix_events_kind ON events (kind);
CREATE INDEX ix_events_date_end ON events (date_end);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    origin TEXT NOT NULL,
    code INTEGER NOT NULL,
    message TEXT NOT NULL
);

CREATE INDEX ix_failures_run ON failures (run_id);
