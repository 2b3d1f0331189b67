-- CellRadar schema, version 3: reconciliation. Events from all items merge into facts, keyed by
-- (product, kind, subtype family, jurisdiction); each (product, jurisdiction) has a stored market status,
-- so the landscape is read, never recomputed. Plain SQL: a PostgreSQL twin differs only in key columns
-- (identity), BLOB (bytea) and REAL (double precision).
-- Items stored before this version have no fingerprint and no facts until `cellradar reconcile` runs.

-- Events are looked up by fact key when a new item touches it.
CREATE INDEX ix_events_fact_key ON events (lower(product), jurisdiction, kind);

-- Near-duplicate detection: a MinHash signature per item (NULL when the text is too short to have one) and
-- the cluster of reprints it belongs to: the smallest content hash among its connected near-duplicates.
CREATE TABLE item_fingerprints (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    signature BLOB,
    cluster TEXT NOT NULL
);

CREATE INDEX ix_item_fingerprints_cluster ON item_fingerprints (cluster);

-- The signature cut into bands: items sharing a band are the only candidates compared.
CREATE TABLE item_bands (
    band INTEGER NOT NULL,
    band_key INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE
);

CREATE INDEX ix_item_bands_key ON item_bands (band, band_key);

-- One row per fact. The columns are what queries filter and sort on; body is the whole fact as JSON
-- (dates with their roles, sponsors per source, conflicts, every support with its evidence).
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    fact_key TEXT NOT NULL UNIQUE,
    product TEXT NOT NULL,
    kind TEXT NOT NULL,
    family TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    subtype TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    -- The date the fact is placed at (decision, else announcement) as written, and its first day for sorting.
    fact_date TEXT,
    date_start TEXT,
    agency TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL,
    independent_sources INTEGER NOT NULL,
    unconfirmed INTEGER NOT NULL CHECK (unconfirmed IN (0, 1)),
    conflicts INTEGER NOT NULL DEFAULT 0,
    -- Each conflict as one line ("subtype: BLA vs NDA"), so a new one is found without parsing the body.
    conflict_values TEXT NOT NULL DEFAULT '',
    -- What the status machine needs besides the columns above: the reliance route ("route|reference") and up to
    -- 20 supporting item keys, one per line; so statuses are recomputed without reading the bodies.
    reliance TEXT,
    sources TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX ix_facts_product_jurisdiction ON facts (product, jurisdiction);

CREATE TABLE fact_supports (
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (fact_id, event_id)
);

CREATE INDEX ix_fact_supports_event ON fact_supports (event_id);

-- Fact keys touched by a deferred save and not merged yet (see FactMerge.Deferred); committed with the events.
CREATE TABLE pending_facts (
    fact_key TEXT PRIMARY KEY
);

-- The current stage per (product, jurisdiction); body holds the path, sources and flags as JSON.
CREATE TABLE market_status (
    product TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    stage TEXT NOT NULL,
    stage_date TEXT,
    fact_key TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (product, jurisdiction)
);

-- What changed, appended as it happens, stamped with the store's clock.
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('new_fact', 'status_change', 'new_conflict')),
    product TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    fact_key TEXT NOT NULL,
    detail TEXT NOT NULL
);

CREATE INDEX ix_changes_at ON changes (at);
