-- CellRadar schema, version 2: what `watch` remembers between runs.
-- feeds: the validators of the last fully handled version of each feed (for conditional GET) and when it was polled.
-- feed_entries: entries already handled, so a restart fetches none of them again. A row is written in the same
-- transaction as the entry's item (item_id), or alone for an entry that can never become an item (error_code).

CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_entries (
    feed_url TEXT NOT NULL,
    entry_key TEXT NOT NULL,
    link TEXT,
    first_seen TEXT NOT NULL,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    error_code INTEGER,
    error_message TEXT,
    PRIMARY KEY (feed_url, entry_key)
);
