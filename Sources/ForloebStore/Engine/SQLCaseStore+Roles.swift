import ForloebCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who may do what: PostgreSQL's roles (`StoreRole`), granted by `migrate` and checked before a verb changes
/// anything; SQLite's file permissions.
extension SQLCaseStore {
    /// PostgreSQL: creates the roles where missing and grants them exactly (`StoreRole.postgresStatements`), in one
    /// transaction after the migrations. SQLite has no users: its split is the file's permissions (README).
    func grantRoles() async throws {
        guard dialect == .postgres else { return }
        do {
            try await driver.migrationTransaction { session in
                for statement in StoreRole.postgresStatements() {
                    try await session.execute(StoreStatement(statement))
                }
            }
        } catch let error as StoreError where error.code == .notPermitted {
            throw StoreError(
                .notPermitted,
                "creating and granting the roles \(StoreRole.allCases.map(\.rawValue).joined(separator: ", ")) "
                    + "needs the owner of the tables with CREATEROLE (or the roles made beforehand): \(error.message)",
                cause: error)
        }
    }

    /// Whether the identity acting on this store may do what `role` is for.
    ///
    /// PostgreSQL: membership of `role` (`pg_has_role(session_user, …, 'MEMBER')`), or ownership of the tables (the
    /// migrator, who may do everything anyway); a store whose roles were never created leaves the answer to the
    /// grants. SQLite: the file (and its folder, where SQLite writes its `-wal` and `-shm` files) is writable for a
    /// role that writes, readable for a reader.
    public func permits(_ role: StoreRole) async throws -> Bool {
        switch url {
        case .sqlite(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if role == .reader { return access(path, R_OK) == 0 }
            return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
        case .postgres:
            return try await driver.read { session in
                let rows = try await session.rows(
                    StoreStatement(
                        """
                        SELECT CASE
                            WHEN to_regrole(?) IS NULL THEN 1
                            WHEN pg_has_role(session_user, to_regrole(?)::oid, 'MEMBER') THEN 1
                            WHEN pg_has_role(session_user, (SELECT relowner FROM pg_class
                                WHERE oid = to_regclass('audit_log')), 'MEMBER') THEN 1
                            ELSE 0 END::bigint AS permitted
                        """, [.text(role.rawValue), .text(role.rawValue)]))
                guard let row = rows.first else { return false }
                return try RowReader(row, table: "pg_roles", key: role.rawValue).int("permitted") == 1
            }
        }
    }
}
