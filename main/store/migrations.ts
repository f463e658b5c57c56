import { MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS } from '../lib/bounded-text.js';

/**
 * The schema, one named step at a time. A database records how many steps it has
 * run in `PRAGMA user_version`; steps are only ever appended, never edited.
 */
export interface Migration {
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    name: 'concepts: sources, events, destinations, deliveries, attempts, settings',
    sql: `
      CREATE TABLE sources (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        kind         TEXT NOT NULL,
        token        TEXT NOT NULL UNIQUE,
        verification TEXT NOT NULL,
        secret       TEXT,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
      );

      CREATE TABLE events (
        seq               INTEGER PRIMARY KEY,
        id                TEXT NOT NULL UNIQUE,
        source_id         TEXT REFERENCES sources(id) ON DELETE SET NULL,
        source_name       TEXT,
        type              TEXT NOT NULL,
        status            TEXT NOT NULL,
        received_at       INTEGER NOT NULL,
        http_status       INTEGER NOT NULL,
        reason            TEXT,
        headers           TEXT NOT NULL,
        content_type      TEXT,
        body              BLOB,
        body_size         INTEGER NOT NULL,
        parsed            TEXT,
        summary           TEXT NOT NULL,
        provider_event_id TEXT,
        body_hash         TEXT,
        duplicates        INTEGER NOT NULL DEFAULT 0,
        remote_address    TEXT
      );
      CREATE INDEX events_by_time ON events(received_at);
      CREATE INDEX events_by_status ON events(status, seq);
      CREATE INDEX events_by_source ON events(source_id, seq);
      CREATE INDEX events_by_type ON events(type, seq);
      CREATE INDEX events_by_provider_id ON events(provider_event_id) WHERE provider_event_id IS NOT NULL;

      CREATE TABLE destinations (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        config     TEXT NOT NULL,
        secrets    TEXT,
        events     TEXT NOT NULL,
        paused     INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE deliveries (
        id              INTEGER PRIMARY KEY,
        event_seq       INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
        destination_id  TEXT NOT NULL REFERENCES destinations(id) ON DELETE CASCADE,
        status          TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error      TEXT,
        updated_at      INTEGER NOT NULL
      );
      CREATE INDEX deliveries_by_event ON deliveries(event_seq);
      CREATE INDEX deliveries_due ON deliveries(destination_id, status, next_attempt_at);
      CREATE INDEX deliveries_in_order ON deliveries(destination_id, event_seq) WHERE status IN ('pending', 'retrying');

      CREATE TABLE attempts (
        id               INTEGER PRIMARY KEY,
        delivery_id      INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        started_at       INTEGER NOT NULL,
        duration_ms      INTEGER NOT NULL,
        category         TEXT NOT NULL,
        http_status      INTEGER,
        error            TEXT,
        response_snippet TEXT
      );
      CREATE INDEX attempts_by_delivery ON attempts(delivery_id);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    name: "destinations: each kind's settings in one object",
    // Webhook settings sat beside the common ones; another kind's sat under its own name. Sealed secrets
    // cannot be read in SQL: rows holding some are marked, and DestinationStore seals them again as one map.
    sql: `
      UPDATE destinations SET config = json_object(
        'url', config ->> '$.url',
        'sourceIds', json(config -> '$.sourceIds'),
        'timeoutMs', config ->> '$.timeoutMs',
        'retry', json(config -> '$.retry'),
        'concurrency', config ->> '$.concurrency',
        'ordered', json(config -> '$.ordered'),
        'settings', CASE kind
          WHEN 'webhook' THEN json_object(
            'method', config ->> '$.method',
            'headers', json(config -> '$.headers'),
            'bodyMode', config ->> '$.bodyMode',
            'transform', config ->> '$.transform')
          ELSE coalesce(json(config -> ('$.' || kind)), json_object())
        END
      );
      UPDATE destinations SET config = json_set(config, '$.legacySecrets', 1) WHERE secrets IS NOT NULL;
    `,
  },
  {
    name: 'attempts: the reason as a code and parameters',
    sql: `ALTER TABLE attempts ADD COLUMN reason TEXT;`,
  },
  {
    name: "rejected requests: the reason's code and parameters",
    sql: `ALTER TABLE events ADD COLUMN rejection TEXT;`,
  },
  {
    name: 'statuses by precedence: discarded and skipped events, a failure shown while others wait',
    sql: `
      UPDATE events SET status = (SELECT event_status(d.status) FROM deliveries d WHERE d.event_seq = events.seq)
      WHERE status != 'rejected'
        AND seq IN (SELECT event_seq FROM deliveries WHERE status IN ('failed', 'discarded', 'skipped'));
      CREATE INDEX deliveries_by_status ON deliveries(status, destination_id, id);
    `,
  },
  {
    name: 'strict ordered mode: a failed head holds the line',
    sql: `
      DROP INDEX deliveries_in_order;
      CREATE INDEX deliveries_in_line ON deliveries(destination_id, event_seq)
        WHERE status IN ('pending', 'retrying', 'failed');
    `,
  },
  {
    name: 'test events, marked',
    sql: `ALTER TABLE events ADD COLUMN is_test INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // Prefix indexes for 2 to 4 characters: a short prefix ("0910", "ng") reads one list instead of merging thousands.
    name: 'search: a folded full-text index over ids, types, summaries, names, phones, emails and references',
    sql: `
      CREATE VIRTUAL TABLE events_search USING fts5(text, prefix='2 3 4', content='', contentless_delete=1);
      INSERT INTO events_search (rowid, text)
        SELECT seq, search_text(id, type, summary, status, body, parsed, content_type) FROM events;
      CREATE TRIGGER events_search_forget AFTER DELETE ON events BEGIN
        DELETE FROM events_search WHERE rowid = old.seq;
      END;
    `,
  },
  {
    name: 'resend batches: a bulk resend and its deliveries, for progress that outlives the page',
    sql: `
      CREATE TABLE resend_batches (
        id               TEXT PRIMARY KEY,
        destination_id   TEXT NOT NULL,
        destination_name TEXT NOT NULL,
        last_error       TEXT,
        started_at       INTEGER NOT NULL,
        finished_at      INTEGER
      );
      CREATE INDEX resend_batches_by_start ON resend_batches(started_at);
      CREATE TABLE resend_batch_items (
        batch_id    TEXT NOT NULL REFERENCES resend_batches(id) ON DELETE CASCADE,
        delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
        PRIMARY KEY (batch_id, delivery_id)
      ) WITHOUT ROWID;
      CREATE INDEX resend_batch_items_by_delivery ON resend_batch_items(delivery_id);
    `,
  },
  {
    name: 'counters for the overview, kept by triggers: events by quarter hour and status, open work by status',
    sql: `
      CREATE TABLE event_counts (
        quarter INTEGER NOT NULL,
        status  TEXT NOT NULL,
        n       INTEGER NOT NULL,
        PRIMARY KEY (quarter, status)
      ) WITHOUT ROWID;
      INSERT INTO event_counts SELECT received_at / 900000, status, count(*) FROM events GROUP BY 1, 2;
      CREATE TABLE event_totals (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO event_totals SELECT status, count(*) FROM events GROUP BY 1;
      CREATE TABLE delivery_counts (
        destination_id TEXT NOT NULL,
        status         TEXT NOT NULL,
        n              INTEGER NOT NULL,
        PRIMARY KEY (destination_id, status)
      ) WITHOUT ROWID;
      INSERT INTO delivery_counts SELECT destination_id, status, count(*) FROM deliveries GROUP BY 1, 2;

      CREATE TRIGGER event_counted AFTER INSERT ON events BEGIN
        INSERT INTO event_counts VALUES (new.received_at / 900000, new.status, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO event_totals VALUES (new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_recounted AFTER UPDATE OF status ON events WHEN old.status IS NOT new.status BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000 AND status = old.status;
        INSERT INTO event_counts VALUES (new.received_at / 900000, new.status, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status;
        INSERT INTO event_totals VALUES (new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_uncounted AFTER DELETE ON events BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000 AND status = old.status;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status;
      END;

      CREATE TRIGGER delivery_counted AFTER INSERT ON deliveries BEGIN
        INSERT INTO delivery_counts VALUES (new.destination_id, new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER delivery_recounted AFTER UPDATE OF status ON deliveries WHEN old.status IS NOT new.status BEGIN
        UPDATE delivery_counts SET n = n - 1 WHERE destination_id = old.destination_id AND status = old.status;
        INSERT INTO delivery_counts VALUES (new.destination_id, new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER delivery_uncounted AFTER DELETE ON deliveries BEGIN
        UPDATE delivery_counts SET n = n - 1 WHERE destination_id = old.destination_id AND status = old.status;
      END;
    `,
  },
  {
    name: 'search: events are indexed in batches after their commit; how far the index has come',
    sql: `
      CREATE TABLE search_progress (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_upto INTEGER NOT NULL);
      INSERT INTO search_progress VALUES (1, coalesce((SELECT max(seq) FROM events), 0));
      -- SQLite gives a new row the highest seq + 1: once the newest events are removed, a seq comes back.
      CREATE TRIGGER search_progress_kept_below AFTER DELETE ON events
        WHEN old.seq <= (SELECT indexed_upto FROM search_progress WHERE id = 1) BEGIN
        UPDATE search_progress SET indexed_upto = min(indexed_upto, coalesce((SELECT max(seq) FROM events), 0)) WHERE id = 1;
      END;
    `,
  },
  {
    // A test event the merchant sent to check a destination is not an order: the overview counts only real traffic.
    name: 'counters: test events are not counted',
    sql: `
      DROP TRIGGER event_counted;
      DROP TRIGGER event_recounted;
      DROP TRIGGER event_uncounted;
      DELETE FROM event_counts;
      INSERT INTO event_counts SELECT received_at / 900000, status, count(*) FROM events WHERE is_test = 0 GROUP BY 1, 2;
      DELETE FROM event_totals;
      INSERT INTO event_totals SELECT status, count(*) FROM events WHERE is_test = 0 GROUP BY 1;
      CREATE TRIGGER event_counted AFTER INSERT ON events WHEN new.is_test = 0 BEGIN
        INSERT INTO event_counts VALUES (new.received_at / 900000, new.status, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO event_totals VALUES (new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_recounted AFTER UPDATE OF status ON events
        WHEN old.status IS NOT new.status AND new.is_test = 0 BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000 AND status = old.status;
        INSERT INTO event_counts VALUES (new.received_at / 900000, new.status, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status;
        INSERT INTO event_totals VALUES (new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_uncounted AFTER DELETE ON events WHEN old.is_test = 0 BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000 AND status = old.status;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status;
      END;
    `,
  },
  {
    // A one-event commit wrote the two counter pages besides its row; counted in the search index's batch a moment
    // later, the sender's commit writes less. What is not counted yet is read from the rows (see event-counters).
    name: 'counters: new events are counted after their commit, up to counted_upto',
    sql: `
      CREATE TABLE counted_upto (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
      INSERT INTO counted_upto VALUES (1, coalesce((SELECT max(seq) FROM events), 0));
      DROP TRIGGER event_counted;
      DROP TRIGGER event_recounted;
      DROP TRIGGER event_uncounted;
      CREATE TRIGGER event_recounted AFTER UPDATE OF status ON events
        WHEN old.status IS NOT new.status AND new.is_test = 0
          AND new.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000 AND status = old.status;
        INSERT INTO event_counts VALUES (new.received_at / 900000, new.status, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status;
        INSERT INTO event_totals VALUES (new.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      -- One trigger, so the uncounting is decided before the mark moves. SQLite gives a new row the highest
      -- seq + 1: once the newest events are removed, a seq comes back, and must not be taken for counted.
      CREATE TRIGGER event_uncounted AFTER DELETE ON events
        WHEN old.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1
          WHERE old.is_test = 0 AND quarter = old.received_at / 900000 AND status = old.status;
        UPDATE event_totals SET n = n - 1 WHERE old.is_test = 0 AND status = old.status;
        UPDATE counted_upto SET seq = (SELECT coalesce(max(seq), 0) FROM events)
          WHERE id = 1 AND seq > (SELECT coalesce(max(seq), 0) FROM events);
      END;
    `,
  },
  {
    // A finished resend says what it achieved; a later resend of one of its deliveries is another action.
    name: 'resend batches: the outcome kept when a batch finishes',
    sql: `
      ALTER TABLE resend_batches ADD COLUMN delivered INTEGER;
      ALTER TABLE resend_batches ADD COLUMN failed INTEGER;
      ALTER TABLE resend_batches ADD COLUMN discarded INTEGER;
    `,
  },
  {
    // A destination never tried is not "healthy"; attempts go with their events (retention), so it is kept here.
    name: 'destinations: whether each was ever tried',
    sql: `
      ALTER TABLE destinations ADD COLUMN tried INTEGER NOT NULL DEFAULT 0;
      UPDATE destinations SET tried = 1 WHERE EXISTS (
        SELECT 1 FROM deliveries d JOIN attempts a ON a.delivery_id = d.id
        WHERE d.destination_id = destinations.id AND a.category NOT IN ('skipped', 'invalid'));
    `,
  },
  {
    // A signed body replayed days later under another delivery id is the same event, found by its hash while kept.
    // Only signed events are in the index: the POS's unsigned traffic writes no more than before.
    name: 'events: signed bodies found by their hash for as long as they are kept',
    sql: `
      ALTER TABLE events ADD COLUMN signed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX events_by_signed_body ON events(body_hash) WHERE signed = 1;
    `,
  },
  {
    // A try on the wire when the engine stops or crashes has no answer to record; this mark, set before it goes
    // out, lets the next start write it down (the destination may have the event) instead of losing it.
    name: 'deliveries: the try on the wire, kept until its result is',
    sql: `
      ALTER TABLE deliveries ADD COLUMN sending_since INTEGER;
      CREATE INDEX deliveries_on_the_wire ON deliveries(sending_since) WHERE sending_since IS NOT NULL;
    `,
  },
  {
    // Shopify, WooCommerce and the generic HMAC check sign the body only, with no time in the signature to refuse an
    // old request by: once retention removed a signed event, the same captured request was taken as new. Each signed
    // event leaves, when removed, its fingerprint (72 bits of it: one chance in billions that two of a source's
    // bodies meet) and its id, about 60 bytes, kept while its source is. Written at removal, so intake writes
    // nothing more.
    name: 'signed bodies seen: remembered past their events, so a replay is known after retention',
    sql: `
      CREATE TABLE signed_seen (
        hash      TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        event_id  TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER events_signed_seen AFTER DELETE ON events
      WHEN old.signed = 1 AND old.source_id IS NOT NULL AND old.body_hash IS NOT NULL
      BEGIN
        INSERT OR IGNORE INTO signed_seen (hash, source_id, event_id)
        VALUES (substr(old.body_hash, 1, 12), old.source_id, old.id);
      END;
    `,
  },
  {
    // An order delivered to one destination and failed at another is failed (it waits in Failed), yet it went out:
    // counted as failed, the overview read "Delivered 0" while orders had gone. Its day and hour counters hold it
    // apart, as 'partlyDelivered'; the totals (open work) still count it failed. The mark is set with the status
    // from the deliveries (see DeliveryStore's eventStatus) and read only with 'failed'.
    name: 'counters: an event failed at one destination and delivered to another is counted apart',
    sql: `
      ALTER TABLE events ADD COLUMN delivered_somewhere INTEGER NOT NULL DEFAULT 0;
      -- From the few failed events (by their status index), not from every delivered delivery ever made.
      UPDATE events SET delivered_somewhere = 1
        WHERE status = 'failed' AND EXISTS (
          SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.status = 'delivered');
      INSERT INTO event_counts
        SELECT received_at / 900000, 'partlyDelivered', count(*) FROM events
        WHERE status = 'failed' AND delivered_somewhere = 1 AND is_test = 0
          AND seq <= (SELECT seq FROM counted_upto WHERE id = 1)
        GROUP BY 1;
      UPDATE event_counts SET n = n - (
          SELECT p.n FROM event_counts p WHERE p.quarter = event_counts.quarter AND p.status = 'partlyDelivered')
        WHERE status = 'failed' AND quarter IN (SELECT quarter FROM event_counts WHERE status = 'partlyDelivered');

      DROP TRIGGER event_recounted;
      DROP TRIGGER event_uncounted;
      CREATE TRIGGER event_recounted AFTER UPDATE OF status, delivered_somewhere ON events
        WHEN (old.status IS NOT new.status OR old.delivered_somewhere IS NOT new.delivered_somewhere)
          AND new.is_test = 0 AND new.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000
          AND status = CASE WHEN old.status = 'failed' AND old.delivered_somewhere = 1 THEN 'partlyDelivered' ELSE old.status END;
        INSERT INTO event_counts VALUES (new.received_at / 900000,
          CASE WHEN new.status = 'failed' AND new.delivered_somewhere = 1 THEN 'partlyDelivered' ELSE new.status END, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status AND old.status IS NOT new.status;
        INSERT INTO event_totals SELECT new.status, 1 WHERE old.status IS NOT new.status
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_uncounted AFTER DELETE ON events
        WHEN old.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1
          WHERE old.is_test = 0 AND quarter = old.received_at / 900000
            AND status = CASE WHEN old.status = 'failed' AND old.delivered_somewhere = 1 THEN 'partlyDelivered' ELSE old.status END;
        UPDATE event_totals SET n = n - 1 WHERE old.is_test = 0 AND status = old.status;
        UPDATE counted_upto SET seq = (SELECT coalesce(max(seq), 0) FROM events)
          WHERE id = 1 AND seq > (SELECT coalesce(max(seq), 0) FROM events);
      END;
    `,
  },
  {
    // The Failed page lists a destination's failed deliveries newest event first: read in that order from the index
    // instead of sorting every failed delivery of the destination for each page (10,000 of them: 60 ms a page).
    name: 'deliveries by status in event order',
    sql: `
      DROP INDEX deliveries_by_status;
      CREATE INDEX deliveries_by_status ON deliveries(status, destination_id, event_seq, id);
    `,
  },
  {
    // An order failed for good at one destination and still retrying at another was counted "Failed everywhere" while
    // it was on its way. Its day and hour counters hold it as on its way ('pending') until nothing of it waits; its
    // status stays failed (it waits in Failed) and so do the totals (open work). Set with the status from the
    // deliveries (see DeliveryStore's eventStatus) and read only with 'failed'.
    name: 'counters: an event failed at one destination and still on its way to another is counted on its way',
    sql: `
      ALTER TABLE events ADD COLUMN waiting_somewhere INTEGER NOT NULL DEFAULT 0;
      UPDATE events SET waiting_somewhere = 1
        WHERE status = 'failed' AND EXISTS (
          SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.status IN ('pending', 'retrying'));
      CREATE TEMP TABLE moved AS
        SELECT received_at / 900000 AS quarter,
          CASE WHEN delivered_somewhere = 1 THEN 'partlyDelivered' ELSE 'failed' END AS was, count(*) AS n
        FROM events
        WHERE waiting_somewhere = 1 AND is_test = 0 AND seq <= (SELECT seq FROM counted_upto WHERE id = 1)
        GROUP BY 1, 2;
      UPDATE event_counts SET n = n - (
          SELECT m.n FROM moved m WHERE m.quarter = event_counts.quarter AND m.was = event_counts.status)
        WHERE EXISTS (SELECT 1 FROM moved m WHERE m.quarter = event_counts.quarter AND m.was = event_counts.status);
      INSERT INTO event_counts SELECT quarter, 'pending', sum(n) FROM moved WHERE true GROUP BY quarter
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
      DROP TABLE moved;

      DROP TRIGGER event_recounted;
      DROP TRIGGER event_uncounted;
      CREATE TRIGGER event_recounted AFTER UPDATE OF status, delivered_somewhere, waiting_somewhere ON events
        WHEN (old.status IS NOT new.status OR old.delivered_somewhere IS NOT new.delivered_somewhere
            OR old.waiting_somewhere IS NOT new.waiting_somewhere)
          AND new.is_test = 0 AND new.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000
          AND status = CASE WHEN old.status = 'failed' AND old.waiting_somewhere = 1 THEN 'pending' WHEN old.status = 'failed' AND old.delivered_somewhere = 1 THEN 'partlyDelivered' ELSE old.status END;
        INSERT INTO event_counts VALUES (new.received_at / 900000, CASE WHEN new.status = 'failed' AND new.waiting_somewhere = 1 THEN 'pending' WHEN new.status = 'failed' AND new.delivered_somewhere = 1 THEN 'partlyDelivered' ELSE new.status END, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status AND old.status IS NOT new.status;
        INSERT INTO event_totals SELECT new.status, 1 WHERE old.status IS NOT new.status
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_uncounted AFTER DELETE ON events
        WHEN old.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1
          WHERE old.is_test = 0 AND quarter = old.received_at / 900000 AND status = CASE WHEN old.status = 'failed' AND old.waiting_somewhere = 1 THEN 'pending' WHEN old.status = 'failed' AND old.delivered_somewhere = 1 THEN 'partlyDelivered' ELSE old.status END;
        UPDATE event_totals SET n = n - 1 WHERE old.is_test = 0 AND status = old.status;
        UPDATE counted_upto SET seq = (SELECT coalesce(max(seq), 0) FROM events)
          WHERE id = 1 AND seq > (SELECT coalesce(max(seq), 0) FROM events);
      END;
    `,
  },
  {
    // A person's resend of a delivery that had left the automatic schedule is one try: if it fails, the delivery is
    // back in Failed at once (it ran the whole schedule again, a day of tries on the default one). A column, not a
    // flag in memory: the one try outlives a crash before it goes. Deliveries resent before this keep their schedule.
    name: 'deliveries: a resend is one try',
    sql: `ALTER TABLE deliveries ADD COLUMN one_try INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // Texts a sender, a destination or an expression controls were stored whole: one rejected XML body quoted its
    // 5 MB tag names three times, and 36 of them broke the live log's first page for the whole retention. Every such
    // text is bounded when written now (bounded-text.ts); those written before are bounded once here, so the Failed
    // page's selection by a reason (its bounded text) finds them too. Only the rejected events hold such a reason
    // (read by their status index, not a walk through every body); attempts and deliveries hold no bodies.
    name: 'texts from senders, destinations and expressions bounded',
    sql: `
      UPDATE events SET reason = bounded_text(reason), summary = bounded_text(summary),
          rejection = bounded_reason(rejection)
        WHERE status = 'rejected'
          AND (length(reason) > ${MAX_MESSAGE_CHARS} OR length(summary) > ${MAX_MESSAGE_CHARS}
            OR length(rejection) > ${MAX_QUOTED_CHARS});
      UPDATE deliveries SET last_error = bounded_text(last_error) WHERE length(last_error) > ${MAX_MESSAGE_CHARS};
      UPDATE attempts SET error = bounded_text(error), reason = bounded_reason(reason)
        WHERE length(error) > ${MAX_MESSAGE_CHARS} OR length(reason) > ${MAX_QUOTED_CHARS};
      UPDATE resend_batches SET last_error = bounded_text(last_error) WHERE length(last_error) > ${MAX_MESSAGE_CHARS};
    `,
  },
  {
    // A destination deleted while an event was on the wire to it takes that delivery along, but not what the try
    // did: the event keeps it, so its drawer says whether it arrived there (`arrived`, `notArrived`), or that it is
    // not known (`unknown`: the result had not come, or never came, the process having stopped first).
    name: 'events: what a try out when its destination was deleted did',
    sql: `ALTER TABLE events ADD COLUMN sent_when_deleted TEXT;`,
  },
  {
    // SQLite gives a new row the highest id + 1: once the newest deliveries went (their destination deleted, or
    // their events by retention), their ids came back, and a discard meant for an old delivery hit a new order's.
    // The highest id ever deleted is kept, and a delivery is made above it and above every row (DeliveryStore's
    // insert); the guard refuses an insert that would give one out again. Not a rebuild of the table with
    // AUTOINCREMENT: that copies every delivery at the upgrade (twice their room on disk, at a start that may be on a
    // full one) and writes sqlite_sequence at each insert; the mark is written only when a delivery above it is
    // deleted. Ids deleted before this step are not known: a delivery may get one of those once.
    name: 'deliveries: an id is never given twice',
    sql: `
      CREATE TABLE delivery_ids_used (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);
      INSERT INTO delivery_ids_used VALUES (1, coalesce((SELECT max(id) FROM deliveries), 0));
      CREATE TRIGGER delivery_id_kept AFTER DELETE ON deliveries
        WHEN old.id > (SELECT upto FROM delivery_ids_used WHERE id = 1) BEGIN
        UPDATE delivery_ids_used SET upto = old.id WHERE id = 1;
      END;
      CREATE TRIGGER delivery_id_given_once AFTER INSERT ON deliveries
        WHEN new.id <= (SELECT upto FROM delivery_ids_used WHERE id = 1) BEGIN
        SELECT RAISE(ABORT, 'a delivery id that was given before');
      END;
    `,
  },
  {
    // When what a test of a destination tries last changed (kind, address, settings, secrets, timeout): its card's
    // last test, made before that, said "accepted the Client Secret" under a 401 for the new one. Not updated_at: a
    // pause, a new name or other events change nothing a test tried. NULL: unchanged since it was made.
    name: 'destinations: when what a test tries last changed',
    sql: `ALTER TABLE destinations ADD COLUMN sending_changed_at INTEGER;`,
  },
  {
    // An order delivered to one destination and given up at another (discarded) read "Discarded" in the live log, the
    // drawer and the overview, which a shopkeeper reads as "this order went nowhere". Its day and hour counters hold it
    // apart, as 'partlyDiscarded'; its status stays discarded (the filters and totals go by it). The mark is the one
    // DeliveryStore's eventStatus sets with every status; events discarded before it was made are marked here (by
    // their status index). The triggers are dropped first, so the marks made here are not counted by them too.
    name: 'counters: an event delivered to one destination and discarded at another is counted apart',
    sql: `
      DROP TRIGGER event_recounted;
      DROP TRIGGER event_uncounted;
      UPDATE events SET delivered_somewhere = 1
        WHERE status = 'discarded' AND delivered_somewhere = 0 AND EXISTS (
          SELECT 1 FROM deliveries d WHERE d.event_seq = events.seq AND d.status = 'delivered');
      CREATE TEMP TABLE moved AS
        SELECT received_at / 900000 AS quarter, count(*) AS n FROM events
        WHERE status = 'discarded' AND delivered_somewhere = 1 AND is_test = 0
          AND seq <= (SELECT seq FROM counted_upto WHERE id = 1)
        GROUP BY 1;
      UPDATE event_counts SET n = n - (SELECT m.n FROM moved m WHERE m.quarter = event_counts.quarter)
        WHERE status = 'discarded' AND quarter IN (SELECT quarter FROM moved);
      INSERT INTO event_counts SELECT quarter, 'partlyDiscarded', n FROM moved WHERE true
        ON CONFLICT DO UPDATE SET n = n + excluded.n;
      DROP TABLE moved;

      CREATE TRIGGER event_recounted AFTER UPDATE OF status, delivered_somewhere, waiting_somewhere ON events
        WHEN (old.status IS NOT new.status OR old.delivered_somewhere IS NOT new.delivered_somewhere
            OR old.waiting_somewhere IS NOT new.waiting_somewhere)
          AND new.is_test = 0 AND new.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1 WHERE quarter = old.received_at / 900000
          AND status = CASE WHEN old.status = 'failed' AND old.waiting_somewhere = 1 THEN 'pending' WHEN old.status = 'failed' AND old.delivered_somewhere = 1 THEN 'partlyDelivered' WHEN old.status = 'discarded' AND old.delivered_somewhere = 1 THEN 'partlyDiscarded' ELSE old.status END;
        INSERT INTO event_counts VALUES (new.received_at / 900000, CASE WHEN new.status = 'failed' AND new.waiting_somewhere = 1 THEN 'pending' WHEN new.status = 'failed' AND new.delivered_somewhere = 1 THEN 'partlyDelivered' WHEN new.status = 'discarded' AND new.delivered_somewhere = 1 THEN 'partlyDiscarded' ELSE new.status END, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
        UPDATE event_totals SET n = n - 1 WHERE status = old.status AND old.status IS NOT new.status;
        INSERT INTO event_totals SELECT new.status, 1 WHERE old.status IS NOT new.status
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER event_uncounted AFTER DELETE ON events
        WHEN old.seq <= (SELECT seq FROM counted_upto WHERE id = 1) BEGIN
        UPDATE event_counts SET n = n - 1
          WHERE old.is_test = 0 AND quarter = old.received_at / 900000 AND status = CASE WHEN old.status = 'failed' AND old.waiting_somewhere = 1 THEN 'pending' WHEN old.status = 'failed' AND old.delivered_somewhere = 1 THEN 'partlyDelivered' WHEN old.status = 'discarded' AND old.delivered_somewhere = 1 THEN 'partlyDiscarded' ELSE old.status END;
        UPDATE event_totals SET n = n - 1 WHERE old.is_test = 0 AND status = old.status;
        UPDATE counted_upto SET seq = (SELECT coalesce(max(seq), 0) FROM events)
          WHERE id = 1 AND seq > (SELECT coalesce(max(seq), 0) FROM events);
      END;
    `,
  },
  {
    // A delivery id is a copy's mark only with the same fingerprint (source, type, body; see events-write.ts): one id
    // may name many events (WooCommerce's, one per webhook per second). With the fingerprint in the index, the check
    // stays one lookup however many events a sender put under one id; only events with a delivery id are in it.
    name: 'events: a delivery id found with its fingerprint',
    sql: `
      DROP INDEX events_by_provider_id;
      CREATE INDEX events_by_provider_id ON events(provider_event_id, body_hash) WHERE provider_event_id IS NOT NULL;
    `,
  },
  {
    // A deleted destination took its deliveries and their tries along, and its events were summed up again from what
    // was left: an order failed there and delivered elsewhere read "Delivered", its failures gone from its drawer. The
    // row stays, marked deleted (nothing lists it, routes to it or sends to it; its secrets are dropped), and what
    // still waited for it is given up there with the reason kept on the delivery: JSON as stored-reason.ts writes it,
    // read before the last try's reason. Old events whose deliveries went with a destination keep `sent_when_deleted`.
    name: 'destinations: a deleted one keeps its history',
    sql: `
      ALTER TABLE destinations ADD COLUMN deleted_at INTEGER;
      ALTER TABLE deliveries ADD COLUMN discard_reason TEXT;
    `,
  },
];
