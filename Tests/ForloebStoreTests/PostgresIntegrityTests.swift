import ForloebCore
import ForloebStore
import Foundation
import Logging
import PostgresNIO
import Testing

/// PostgreSQL checks once per statement (migration 006) what its foreign keys checked per row: a row of
/// `events` or `deadlines` names an existing case, and cases are never deleted, truncated or renamed. Written
/// past the store, as a faulty tool with the database's password would.
@Suite(.enabled(if: StoreBackend.available.contains(.postgres), "needs FORLOEB_TEST_POSTGRES_URL"))
struct PostgresIntegrityTests {
    @Test func rowsNamingNoCaseAreRefusedAndCasesStay() async throws {
        try await StoreBackend.postgres.withStore { db in
            let store = try await db.open()
            let stream = StoreFixture.stream(cases: 2)
            _ = try await BatchIngestor(store: store, journey: try StoreFixture.journey()).ingest(stream, at: StoreFixture.now)
            guard case .postgres(let address) = db.url else { return }
            let connection = try await PostgresConnection.connect(
                configuration: .init(
                    host: address.host, port: address.port, username: address.user, password: address.password,
                    database: address.database, tls: .disable),
                id: 1, logger: Logger(label: "forloeb.tests", factory: { _ in SwiftLogNoOpLogHandler() }))
            // Closed before the test ends, whether the checks passed or threw.
            let result: Result<Void, any Error>
            do {
                try await Self.refusals(on: connection)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            try? await connection.close()
            try result.get()
        }
    }

    /// Writes past the store on `connection` and checks what the schema refuses.
    static func refusals(on connection: PostgresConnection) async throws {
        let logger = Logger(label: "forloeb.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        var existing = ""
        for try await id in try await connection.query("SELECT min(case_id) FROM cases", logger: logger)
            .decode(String.self)
        {
            existing = id
        }
        #expect(!existing.isEmpty)

        func sqlState(_ sql: String) async -> String? {
            do {
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                return nil
            } catch let error as PSQLError {
                return error.serverInfo?[.sqlState] ?? "no state"
            } catch {
                return "\(error)"
            }
        }
        let event = """
            INSERT INTO events (case_id, position, message_id, type, occurred_at, actor, to_state, rule_set, body,
                recorded_at) VALUES
            """
        // One row naming no case fails the whole statement, with the foreign key's SQLSTATE.
        #expect(await sqlState("\(event) ('NO-SUCH-CASE', 1, 'x-1', 'case.opened', 0, 'a', 'requested', '2013', '{}', 0)") == "23503")
        #expect(
            await sqlState(
                "\(event) ('\(existing)', 900, 'x-2', 'case.opened', 0, 'a', 'requested', '2013', '{}', 0), "
                    + "('NO-SUCH-CASE', 1, 'x-3', 'case.opened', 0, 'a', 'requested', '2013', '{}', 0)") == "23503")
        #expect(
            await sqlState("INSERT INTO deadlines (case_id, kind, due_at) VALUES ('NO-SUCH-CASE', 'followup', 0)")
                == "23503")
        #expect(
            await sqlState("INSERT INTO deadlines (case_id, kind, due_at) VALUES ('\(existing)', 'mentor_agreement_end', 0) ON CONFLICT DO NOTHING")
                == nil)
        #expect(
            await sqlState("UPDATE deadlines SET case_id = 'NO-SUCH-CASE' WHERE kind = 'mentor_agreement_end'") == "23503")
        // Cases are neither deleted nor renamed; an update of anything else passes.
        #expect(await sqlState("DELETE FROM cases WHERE case_id = '\(existing)'") == "P0001")
        #expect(await sqlState("UPDATE cases SET case_id = 'RENAMED' WHERE case_id = '\(existing)'") == "P0001")
        #expect(await sqlState("TRUNCATE cases") == "P0001")
        // The check finds `cases` whatever the session's search path.
        #expect(await sqlState("SET search_path = pg_catalog") == nil)
        #expect(
            await sqlState("INSERT INTO public.deadlines (case_id, kind, due_at) VALUES ('NO-SUCH-CASE', 'followup', 0)")
                == "23503")
        #expect(await sqlState("RESET search_path") == nil)
        #expect(await sqlState("UPDATE cases SET updated_at = updated_at + 1 WHERE case_id = '\(existing)'") == nil)
        // A row for an existing case still goes in (and nothing refused above was written).
        #expect(await sqlState("\(event) ('\(existing)', 901, 'x-4', 'case.opened', 0, 'a', 'requested', '2013', '{}', 0)") == nil)
        var orphans = -1
        for try await count in try await connection.query(
            "SELECT count(*)::int8 FROM events WHERE case_id NOT IN (SELECT case_id FROM cases)", logger: logger
        ).decode(Int.self) {
            orphans = count
        }
        #expect(orphans == 0)
    }
}
