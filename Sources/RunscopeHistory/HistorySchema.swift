import GRDB

/// The database schema and its versioned migrations (`docs/history.md`).
/// Migrations are only ever added: a newer runscope opens an older database.
enum HistorySchema {
    /// `PRAGMA application_id` of a runscope history: "RSCH".
    static let applicationID: Int32 = 0x5253_4348
    /// The newest schema version (also written to `PRAGMA user_version`).
    static let version = 3

    /// A run's row id in `run_text`: its trace's `seq` shifted left by this many bits, plus
    /// its position in the trace. The runs of a trace are then one span of row ids, and
    /// the full-text index alone says which trace a match is in (`HistorySearch`).
    static let traceShift: Int64 = 28

    /// The migrator with every version, oldest first.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try createV1(db) }
        migrator.registerMigration("v2") { db in try migrateV2(db) }
        migrator.registerMigration("v3") { db in try migrateV3(db) }
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE traces (
              id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL,
              start_time REAL NOT NULL, end_time REAL, duration_ms INTEGER,
              runs INTEGER NOT NULL DEFAULT 0, tokens INTEGER NOT NULL DEFAULT 0, cost_usd REAL,
              source TEXT NOT NULL, writer_pid INTEGER, writer_started INTEGER, events INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX traces_by_start ON traces(start_time DESC);
            CREATE TABLE runs (
              seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, trace_id TEXT NOT NULL, parent_id TEXT,
              position INTEGER NOT NULL, name TEXT NOT NULL, run_type TEXT NOT NULL, status TEXT NOT NULL,
              start_time REAL NOT NULL, end_time REAL, tags TEXT NOT NULL, metadata TEXT NOT NULL,
              inputs TEXT, outputs TEXT, output_text TEXT, error_type TEXT, error TEXT,
              input_tokens INTEGER, output_tokens INTEGER, total_tokens INTEGER, streamed_tokens INTEGER NOT NULL DEFAULT 0,
              first_token_ms REAL, cost_usd REAL);
            CREATE INDEX runs_by_trace ON runs(trace_id, position);
            CREATE TABLE tokens (
              run_id TEXT PRIMARY KEY, trace_id TEXT NOT NULL, text TEXT NOT NULL, marks TEXT NOT NULL);
            CREATE INDEX tokens_by_trace ON tokens(trace_id);
            CREATE TABLE events (
              trace_id TEXT NOT NULL, chunk INTEGER NOT NULL, lines TEXT NOT NULL, PRIMARY KEY (trace_id, chunk));
            CREATE VIRTUAL TABLE run_text USING fts5(name, inputs, outputs, error, trace_id UNINDEXED);
            """)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = 1")
    }

    /// v2: traces get an integer key, `seq` (numbered in start order; VACUUM keeps it, as it
    /// would not keep an implicit rowid), and `run_text` is keyed by trace and position
    /// (`traceShift`), so a search finds the newest matching traces without reading every match.
    private static func migrateV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE traces_v2 (
              seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, status TEXT NOT NULL,
              start_time REAL NOT NULL, end_time REAL, duration_ms INTEGER,
              runs INTEGER NOT NULL DEFAULT 0, tokens INTEGER NOT NULL DEFAULT 0, cost_usd REAL,
              source TEXT NOT NULL, writer_pid INTEGER, writer_started INTEGER, events INTEGER NOT NULL DEFAULT 0);
            INSERT INTO traces_v2 (id, name, status, start_time, end_time, duration_ms, runs, tokens, cost_usd,
                                   source, writer_pid, writer_started, events)
              SELECT id, name, status, start_time, end_time, duration_ms, runs, tokens, cost_usd,
                     source, writer_pid, writer_started, events FROM traces ORDER BY start_time, id;
            DROP TABLE traces;
            ALTER TABLE traces_v2 RENAME TO traces;
            CREATE INDEX traces_by_start ON traces(start_time DESC);
            ALTER TABLE run_text RENAME TO run_text_v1;
            CREATE VIRTUAL TABLE run_text USING fts5(name, inputs, outputs, error, trace_id UNINDEXED);
            INSERT INTO run_text (rowid, name, inputs, outputs, error, trace_id)
              SELECT (t.seq << \(traceShift)) + r.position, f.name, f.inputs, f.outputs, f.error, f.trace_id
              FROM run_text_v1 f JOIN runs r ON r.seq = f.rowid JOIN traces t ON t.id = r.trace_id;
            DROP TABLE run_text_v1;
            """)
        try db.execute(sql: "PRAGMA user_version = 2")
    }

    /// v3: a run's tokens are stored once, a row per writer batch (`chunk`), and `events`
    /// holds a stretch of token lines as one `TokenMarker` line. Marks keep their unit (ms
    /// after the run's start), now to the microsecond. A v2 row becomes chunk 0.
    private static func migrateV3(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tokens RENAME TO tokens_v2;
            DROP INDEX tokens_by_trace;
            CREATE TABLE tokens (
              run_id TEXT NOT NULL, chunk INTEGER NOT NULL, trace_id TEXT NOT NULL, text TEXT NOT NULL, marks TEXT NOT NULL,
              PRIMARY KEY (run_id, chunk));
            INSERT INTO tokens (run_id, chunk, trace_id, text, marks) SELECT run_id, 0, trace_id, text, marks FROM tokens_v2;
            DROP TABLE tokens_v2;
            CREATE INDEX tokens_by_trace ON tokens(trace_id);
            """)
        try db.execute(sql: "PRAGMA user_version = 3")
    }
}
