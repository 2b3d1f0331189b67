-- CellRadar schema on PostgreSQL, version 5: work claims, so several `cellradar ingest` processes (on several
-- machines) given overlapping inputs process each item once.
--
-- A unit of work is an item, named by its content hash: the same article read by two workers, from two copies of
-- a file or two feeds, is one unit, exactly as the items table's unique content hash makes it one stored item.
-- A worker claims units for a lease (`--lease`, default 60 s) before it runs the pipeline on them; a unit is free
-- when no claim row exists or its lease has expired (a worker that died, was killed or hangs), and done when its
-- item is stored. Claim rows are deleted once their items are saved; a killed worker's rows stay until another
-- worker takes them over after expiry. Content-hash uniqueness of items remains the final guard: a worker whose
-- lease ran out while it was still working may store an item another one also processed, and that save is a
-- duplicate, never a second copy.
-- lease_until is a timestamptz of the database's own clock: workers' clocks may disagree, the server's is one.

CREATE TABLE work_claims (
    unit text COLLATE "C" PRIMARY KEY,
    worker text NOT NULL,
    lease_until timestamptz NOT NULL,
    claims integer NOT NULL DEFAULT 1
);

CREATE INDEX ix_work_claims_worker ON work_claims (worker);
