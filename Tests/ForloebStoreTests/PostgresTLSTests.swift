import ForloebPostgres
import ForloebStore
import Foundation
import Testing

/// Connections to PostgreSQL over TLS, against the test cluster's TLS listener (scripts/postgres.sh makes a
/// throwaway CA and a certificate for DNS name `localhost` only): verified connections work, and a certificate
/// that does not match the host or comes from an untrusted CA is refused, which also proves that TLS is used.
@Suite(
    .enabled(
        if: PostgresTLSTarget.url != nil || ProcessInfo.processInfo.environment["FORLOEB_REQUIRE_POSTGRES"] == "1",
        "needs FORLOEB_TEST_POSTGRES_TLS_URL (scripts/postgres.sh tls-url)"))
struct PostgresTLSTests {
    /// The test URL (`verify-full`, host `localhost`, the cluster's CA) with `change` applied.
    func address(_ change: (inout StoreURL.PostgresAddress) -> Void = { _ in }) throws -> StoreURL.PostgresAddress {
        let text = try #require(
            PostgresTLSTarget.url, "FORLOEB_REQUIRE_POSTGRES=1 but FORLOEB_TEST_POSTGRES_TLS_URL is unset")
        guard case .postgres(var address) = try StoreURL(parsing: text) else {
            throw StoreError(.invalidURL, "FORLOEB_TEST_POSTGRES_TLS_URL is not a postgres:// URL")
        }
        change(&address)
        return address
    }

    func connects(_ address: StoreURL.PostgresAddress) async -> Result<Void, StoreError> {
        let store = PostgresCaseStore(address)
        let result: Result<Void, StoreError>
        do {
            try await store.connect()
            _ = try await store.appliedMigrations()
            result = .success(())
        } catch let error as StoreError {
            result = .failure(error)
        } catch {
            result = .failure(StoreError(.unreachable, "\(error)"))
        }
        // Closed before returning, on every path: a close left to a `defer`'s task would outlive the test.
        try? await store.close()
        return result
    }

    @Test func verifiedConnectionsWork() async throws {
        #expect(try await connects(address()).get() == ())
        let ca = try await connects(address { $0.sslMode = "verify-ca"; $0.host = "127.0.0.1" })
        #expect(throws: Never.self) { try ca.get() }
        let encrypted = try await connects(address { $0.sslMode = "require"; $0.sslRootCert = nil })
        #expect(throws: Never.self) { try encrypted.get() }
    }

    @Test func aCertificateForAnotherHostIsRefused() async throws {
        let result = await connects(try address { $0.host = "127.0.0.1" })
        guard case .failure(let error) = result else {
            Issue.record("verify-full accepted a certificate issued to localhost for 127.0.0.1")
            return
        }
        #expect(error.code == .unreachable)
        #expect(!error.message.contains(try address().password ?? "\u{0}"))
    }

    @Test func anUntrustedCertificateIsRefused() async throws {
        let result = await connects(try address { $0.sslRootCert = nil })  // the system's CAs do not know it
        guard case .failure(let error) = result else {
            Issue.record("verify-full accepted a certificate from an untrusted CA")
            return
        }
        #expect(error.code == .unreachable)
    }
}

/// The test cluster's verified TLS URL, from `FORLOEB_TEST_POSTGRES_TLS_URL`.
enum PostgresTLSTarget {
    static var url: String? {
        ProcessInfo.processInfo.environment["FORLOEB_TEST_POSTGRES_TLS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
