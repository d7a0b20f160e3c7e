import ForloebCore
import ForloebPostgres
import ForloebStore
import ForloebTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Audit entries record who the system vouches for, whatever the caller claims.
@Suite struct AuditIdentityTests {
    static func entry(claiming identity: String?) -> AuditEntry {
        AuditEntry(
            operatorId: "Jane Doe", at: Instant(secondsSinceEpoch: 1_790_000_000), action: "replay", caseId: "K-1",
            reason: "test", detail: "", identity: identity)
    }

    /// SQLite: the operating-system user of the process, from the password database, not from `$USER`.
    @Test func sqliteRecordsTheOperatingSystemUser() async throws {
        try await StoreBackend.sqlite.withStore { database in
            let store = try await database.open()
            let expected = String(cString: getpwuid(geteuid())!.pointee.pw_name)
            #expect(OperatingSystemUser.name == expected)
            let record = try await store.appendAudit(Self.entry(claiming: "forged"))
            #expect(record.entry.identity == expected)
            let stored = try await store.auditLog(caseId: nil, limit: 10)
            #expect(stored.map(\.entry.identity) == [expected])
            #expect(stored.map(\.entry.operatorId) == ["Jane Doe"])
            #expect(try await store.verifyAudit().isIntact)
        }
    }

    /// PostgreSQL: the role the connection authenticated as (`session_user`), for a client that claims another
    /// and for a row inserted past the store by hand alike.
    @Test func postgresRecordsTheAuthenticatedRole() async throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        try await StoreBackend.postgres.withStore { database in
            let owner = try await database.open()
            _ = try await owner.appendAudit(Self.entry(claiming: nil))
            guard case .postgres(let address) = database.url else { return }
            let role = "forloeb_t_ident_" + UUID().uuidString.prefix(8).lowercased()
            let password = UUID().uuidString
            try await PostgresAdmin.run(address, "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            do {
                try await database.execute("GRANT SELECT, INSERT ON audit_log TO \(role)")
                var asRole = address
                asRole.user = role
                asRole.password = password
                let store = PostgresCaseStore(asRole)
                #expect(try await store.identity() == role)
                let record = try await store.appendAudit(Self.entry(claiming: "forloeb"))
                #expect(record.entry.identity == role)
                try await store.close()
                // A row written past the store, claiming the owner: the trigger records the role that wrote it.
                try await PostgresAdmin.run(
                    asRole,
                    """
                    INSERT INTO audit_log (sequence, operator, identity, at, action, reason, detail, prev_hash, hash)
                    VALUES (3, 'x', 'forloeb', 0, 'replay', 'r', '', 'p', 'h')
                    """, in: address.database)
                let stored = try await owner.auditLog(caseId: nil, limit: 10)
                #expect(stored.map(\.entry.identity) == [address.user, role, role])
                #expect(stored[1].entry.operatorId == "Jane Doe")
                // The first two verify (the third was made up by hand, and its hash is not the chain's).
                #expect(try await owner.verifyAudit().firstBroken?.sequence == 3)
            } catch {
                try? await database.destroy()
                try? await PostgresAdmin.run(address, "DROP ROLE IF EXISTS \(role)")
                throw error
            }
            try await database.destroy()
            try await PostgresAdmin.run(address, "DROP ROLE IF EXISTS \(role)")
        }
    }
}
