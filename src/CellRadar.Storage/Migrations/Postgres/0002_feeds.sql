-- CellRadar schema on PostgreSQL, version 2: what `watch` remembers between runs (as SQLite's 0002_feeds.sql).

CREATE TABLE feeds (
    url text PRIMARY KEY,
    etag text,
    last_modified text,
    last_polled text,
    last_status text NOT NULL DEFAULT ''
);

CREATE TABLE feed_entries (
    feed_url text NOT NULL,
    entry_key text NOT NULL,
    link text,
    first_seen text NOT NULL,
    item_id bigint REFERENCES items(id) ON DELETE SET NULL,
    error_code integer,
    error_message text,
    PRIMARY KEY (feed_url, entry_key)
);
