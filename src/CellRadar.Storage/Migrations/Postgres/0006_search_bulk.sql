-- CellRadar schema, version 6: on SQLite, items enter the FTS5 index in bulk instead of by trigger. PostgreSQL's
-- search columns are generated with each row, so nothing changes here; the script exists so that a schema version
-- means the same on both engines.

SELECT 1;
