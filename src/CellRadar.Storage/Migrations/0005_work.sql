-- CellRadar schema, version 5: work claims of ingest workers (see Migrations/Postgres/0005_work.sql).
-- On SQLite one process writes at a time and claims nothing (IEventStore.ClaimWork grants every unit), so this
-- table stays empty; it exists so that a schema version means the same tables on both engines.

CREATE TABLE work_claims (
    unit TEXT PRIMARY KEY,
    worker TEXT NOT NULL,
    lease_until TEXT NOT NULL,
    claims INTEGER NOT NULL DEFAULT 1
);
