import ArgumentParser
import ForloebCore
import ForloebPostgres
import ForloebSQLite
import ForloebStore
import Foundation

/// Which store a verb uses: `--store`, else `FORLOEB_STORE`, else the SQLite file under the user's state
/// directory. A password belongs in the environment (`FORLOEB_STORE` or `FORLOEB_STORE_PASSWORD`), not in
/// argv where `ps` shows it; the URL is only ever printed without it.
public struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "sqlite:PATH or postgres://user@host:port/db (default: FORLOEB_STORE, else $XDG_STATE_HOME/forloeb/forloeb.sqlite).",
            discussion: "Put a PostgreSQL password in FORLOEB_STORE or FORLOEB_STORE_PASSWORD, not on the command line."
        ))
    public var store: String?

    public init() {}

    /// What to do about the schema when a verb opens the store.
    public enum SchemaPolicy {
        /// Apply migrations to an empty database; refuse a partly migrated one (the worker and `import`).
        case migrateIfEmpty
        /// Require the schema to be complete (mending verbs).
        case require
        /// Require the schema to be complete, and open SQLite read-only (read verbs).
        case read
        /// Leave the schema alone (`migrate` itself).
        case ignore
    }

    public func url() throws -> StoreURL {
        let environment = ProcessInfo.processInfo.environment
        var url: StoreURL
        do {
            if let store {
                url = try StoreURL(parsing: store)
                if case .postgres(let address) = url, address.password != nil {
                    FileHandle.standardError.write(
                        Data(
                            "forloeb: warning: a password in --store is visible to other users; use FORLOEB_STORE_PASSWORD\n"
                                .utf8))
                }
            } else {
                url = try StoreURL.fromEnvironment(environment)
            }
        } catch {
            throw CommandFailure.usage(error.message)
        }
        if case .postgres(var address) = url, address.password == nil,
            let password = environment["FORLOEB_STORE_PASSWORD"], !password.isEmpty
        {
            address.password = password
            url = .postgres(address)
        }
        return url
    }

    /// Opens the store, mapping failure to exit 3 with the URL (never its password).
    /// `sqliteDurability` is `.full` for every verb but `seed`, which builds a throwaway store. `connections`: the
    /// most PostgreSQL connections the store's pool opens at once (the worker's `--store-connections`).
    public func open(_ policy: SchemaPolicy, sqliteDurability: SQLiteDurability = .full, connections: Int = 2)
        async throws -> any CaseStore
    {
        let url = try url()
        let store: any CaseStore
        do {
            switch url {
            case .sqlite(let path):
                if (policy == .require || policy == .read) && !FileManager.default.fileExists(atPath: path) {
                    throw CommandFailure.unreachable(
                        "no store at \(url.redacted): run `forloeb migrate` or `forloeb import` first")
                }
                store =
                    policy == .read
                    ? try SQLiteCaseStore(readOnlyPath: path)
                    : try SQLiteCaseStore(path: path, durability: sqliteDurability)
            case .postgres(let address):
                let postgres = PostgresCaseStore(address, poolSize: connections)
                try await postgres.connect()
                store = postgres
            }
        } catch let error as StoreError {
            throw CommandFailure.unreachable(
                error.code == .unreachable ? error.message : "store \(url.redacted): \(error.message)")
        }
        guard policy != .ignore else { return store }
        do {
            try await Self.check(policy, of: store, at: url)
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Applies `policy` to the store's schema: migrates an empty one (`migrateIfEmpty`), refuses one that is
    /// incomplete or newer than this forloeb.
    private static func check(_ policy: SchemaPolicy, of store: any CaseStore, at url: StoreURL) async throws {
        let applied: [String]
        do {
            applied = try await store.appliedMigrations()
        } catch let error as StoreError {
            throw CommandFailure.unreachable("store \(url.redacted): \(error.message)")
        }
        let known = StoreMigration.ordered.map(\.rawValue)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw CommandFailure.unreachable(
                "store \(url.redacted) has migration \(unknown), newer than this forloeb: upgrade forloeb")
        }
        if applied.count < known.count {
            if applied.isEmpty && policy == .migrateIfEmpty {
                _ = try await store.migrate()
            } else {
                throw CommandFailure.unreachable(
                    "store \(url.redacted) needs migrations \(known.filter { !applied.contains($0) }.joined(separator: ", ")): run `forloeb migrate`"
                )
            }
        }
    }
}
