-- CellRadar schema, version 4: full-text search (SQLite FTS5; a PostgreSQL store would use tsvector columns).
-- Numbered 4 while version 3 (facts) is written elsewhere: the runner applies every known script a database has
-- not recorded, so a database migrated to 4 still gets 3 when that script arrives.
--
-- items_search indexes the title and cleaned text of items without a second copy of them (external content);
-- the triggers keep it in step with the items table. products_search holds product names, their aliases and
-- sponsors: from the catalog (written by the application at start) and from stored events (by trigger).

CREATE VIRTUAL TABLE items_search USING fts5(
    title, text,
    content = 'items', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER items_search_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_search (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER items_search_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_search (items_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER items_search_update AFTER UPDATE OF title, text ON items BEGIN
    INSERT INTO items_search (items_search, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO items_search (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Items stored before this migration.
INSERT INTO items_search (rowid, title, text) SELECT id, title, text FROM items;

-- One row per product name (lower case key); the search index is built over it.
CREATE TABLE search_products (
    id INTEGER PRIMARY KEY,
    name_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '',
    sponsor TEXT NOT NULL DEFAULT ''
);

CREATE VIRTUAL TABLE products_search USING fts5(
    name, aliases, sponsor,
    content = 'search_products', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER products_search_insert AFTER INSERT ON search_products BEGIN
    INSERT INTO products_search (rowid, name, aliases, sponsor) VALUES (new.id, new.name, new.aliases, new.sponsor);
END;

CREATE TRIGGER products_search_delete AFTER DELETE ON search_products BEGIN
    INSERT INTO products_search (products_search, rowid, name, aliases, sponsor) VALUES ('delete', old.id, old.name, old.aliases, old.sponsor);
END;

CREATE TRIGGER products_search_update AFTER UPDATE ON search_products BEGIN
    INSERT INTO products_search (products_search, rowid, name, aliases, sponsor) VALUES ('delete', old.id, old.name, old.aliases, old.sponsor);
    INSERT INTO products_search (rowid, name, aliases, sponsor) VALUES (new.id, new.name, new.aliases, new.sponsor);
END;

-- A product first seen in an event becomes searchable with the sponsor the event names; a known name gains a
-- sponsor only while it has none.
CREATE TRIGGER events_search_product AFTER INSERT ON events BEGIN
    INSERT INTO search_products (name_key, name, sponsor) VALUES (lower(new.product), new.product, new.sponsor)
    ON CONFLICT (name_key) DO UPDATE SET sponsor = excluded.sponsor
    WHERE search_products.sponsor = '' AND excluded.sponsor <> '';
END;

INSERT INTO search_products (name_key, name, sponsor)
SELECT lower(product), MIN(product), MAX(sponsor) FROM events GROUP BY lower(product);
