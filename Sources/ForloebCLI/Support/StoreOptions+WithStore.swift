import ForloebSQLite
import ForloebStore

extension StoreOptions {
    /// Opens the store (as `open`), runs `body` with it, and closes it on every way out, a throw included: the one
    /// place a verb's store is closed, where each exit path had its own close.
    public func withStore<T>(
        _ policy: SchemaPolicy, sqliteDurability: SQLiteDurability = .full, connections: Int = 2,
        _ body: (any CaseStore) async throws -> T
    ) async throws -> T {
        try await Self.closing(
            try await open(policy, sqliteDurability: sqliteDurability, connections: connections), body)
    }

    /// The same for the mending verb `verb`, after checking, before `body` changes anything, that the identity
    /// running it may mend (`StoreRole.operator`; SQLite: write access to the file): else exit 4, logged.
    func withStoreToMend<T>(_ verb: String, policy: SchemaPolicy = .require, _ body: (any CaseStore) async throws -> T)
        async throws -> T
    {
        try await Self.closing(try await open(policy)) { store in
            try await Permission.require(.operator, verb: verb, on: store)
            return try await body(store)
        }
    }

    /// Runs `body` with `store`, then closes it, whether `body` returned or threw.
    static func closing<T>(_ store: any CaseStore, _ body: (any CaseStore) async throws -> T) async throws -> T {
        let result: Result<T, any Error>
        do {
            result = .success(try await body(store))
        } catch {
            result = .failure(error)
        }
        try? await store.close()
        return try result.get()
    }
}
