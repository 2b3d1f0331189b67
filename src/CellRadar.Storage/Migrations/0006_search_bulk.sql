-- CellRadar schema, version 6: items enter the full-text index in bulk, not by a trigger per inserted row.
--
-- A save with FactMerge.Now indexes its new items before it commits; a deferred save (cellradar ingest) leaves them
-- to ReconcilePending, which indexes every item not indexed yet in one statement. items_search_state holds the
-- highest item id in the index: items are only ever appended (ids grow, rows are never deleted or rewritten), so
-- "id > last_id" is exactly the items still to index. The delete and update triggers stay as they were.

DROP TRIGGER items_search_insert;

CREATE TABLE items_search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_id INTEGER NOT NULL
);

-- Every item stored so far was indexed by the trigger.
INSERT INTO items_search_state (id, last_id) SELECT 1, COALESCE(MAX(id), 0) FROM items;
