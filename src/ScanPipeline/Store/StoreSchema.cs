namespace CentralCount.ScanPipeline.Store;

/// <summary>The count store's tables. The version is kept in the store; a store of another version is refused, never guessed at.</summary>
internal static class StoreSchema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE election (
            hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            file_name TEXT NOT NULL,
            definition BLOB NOT NULL,
            loaded_at TEXT NOT NULL);
        CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            station TEXT NOT NULL,
            operator TEXT,
            expected_sheets INTEGER,
            folder TEXT NOT NULL,
            started_at TEXT NOT NULL);
        CREATE TABLE sheets (
            id INTEGER PRIMARY KEY,
            batch_id TEXT NOT NULL REFERENCES batches(id),
            seq INTEGER NOT NULL,
            front_file TEXT NOT NULL,
            back_file TEXT,
            content_hash TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('counted', 'rejected', 'duplicate')),
            duplicate_of INTEGER REFERENCES sheets(id),
            reject_reason TEXT,
            reject_detail TEXT,
            style_id TEXT,
            precinct_id TEXT,
            reading TEXT,
            recorded_at TEXT NOT NULL,
            front_image TEXT,
            back_image TEXT,
            UNIQUE (batch_id, seq));
        CREATE UNIQUE INDEX sheets_once ON sheets(content_hash) WHERE status <> 'duplicate';
        CREATE TABLE contest_results (
            sheet_id INTEGER NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
            contest_id TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('counted', 'undervote', 'overvote', 'board')),
            votes TEXT NOT NULL,
            clause TEXT,
            suggested_outcome TEXT,
            suggested_votes TEXT,
            PRIMARY KEY (sheet_id, contest_id));
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        """ + Board;

    /// <summary>Version 2: image names per sheet, and the board's accounts, sessions, boards, decisions and adjudications.</summary>
    public const string Upgrade1To2 = """
        ALTER TABLE sheets ADD COLUMN front_image TEXT;
        ALTER TABLE sheets ADD COLUMN back_image TEXT;
        """ + Board;

    // Decisions and adjudications go with their sheet: a rescanned batch is adjudicated afresh.
    private const string Board = """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('administrator', 'member', 'observer')),
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL);
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            account TEXT NOT NULL REFERENCES accounts(name),
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL);
        CREATE TABLE boards (
            id TEXT PRIMARY KEY,
            size INTEGER NOT NULL CHECK (size >= 1),
            created_at TEXT NOT NULL);
        CREATE TABLE board_members (
            account TEXT PRIMARY KEY REFERENCES accounts(name),
            board_id TEXT NOT NULL REFERENCES boards(id));
        CREATE TABLE board_claims (
            sheet_id INTEGER NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
            contest_id TEXT NOT NULL,
            board_id TEXT NOT NULL REFERENCES boards(id),
            claimed_at TEXT NOT NULL,
            PRIMARY KEY (sheet_id, contest_id));
        CREATE TABLE board_decisions (
            sheet_id INTEGER NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
            contest_id TEXT NOT NULL,
            account TEXT NOT NULL REFERENCES accounts(name),
            board_id TEXT NOT NULL REFERENCES boards(id),
            choice TEXT NOT NULL,
            outcome TEXT NOT NULL,
            votes TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (sheet_id, contest_id, account));
        CREATE TABLE adjudications (
            sheet_id INTEGER NOT NULL REFERENCES sheets(id) ON DELETE CASCADE,
            contest_id TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('counted', 'undervote', 'overvote', 'not-valid')),
            votes TEXT NOT NULL,
            board_id TEXT NOT NULL,
            members TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (sheet_id, contest_id));
        """;
}
