import ForloebStore

/// Direct access to the database under a store, for what the store does not offer: the bare-insert
/// baseline, bulk seeding of a million cases, and size on disk.
protocol RawDatabase: Sendable {
    /// Creates the baseline table: one row per event, its id unique, its body as text.
    func createRawTable() async throws
    /// Inserts `rows` (message id, body) in ONE transaction, the way a bare event log would.
    func insertRaw(_ rows: [(String, String)]) async throws
    /// Adds `cases` synthetic active cases with `kinds.count` open deadlines each, due across three years.
    func seedOpenCases(_ cases: Int, snapshot: String, kinds: [String]) async throws
    /// The `due_at` of the `n`-th earliest open deadline.
    func nthDueAt(_ n: Int) async throws -> Int64
    /// Times a full count of the deadlines table: what a scan costs, for comparison with the index.
    func countAllDeadlines() async throws -> Int
    /// Bytes the database takes on disk now (after a checkpoint).
    func bytesOnDisk() async throws -> Int
    func close() async throws
}
