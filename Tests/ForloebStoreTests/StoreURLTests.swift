import ForloebStore
import Testing

/// Parsing `FORLOEB_STORE` and never printing its password.
@Suite struct StoreURLTests {
    @Test func parsesSQLitePaths() throws {
        #expect(try StoreURL(parsing: "sqlite:/var/lib/forloeb/x.sqlite") == .sqlite(path: "/var/lib/forloeb/x.sqlite"))
        #expect(try StoreURL(parsing: "sqlite://relative/x.sqlite") == .sqlite(path: "relative/x.sqlite"))
        #expect(try StoreURL(parsing: "sqlite:x.sqlite").redacted == "sqlite:x.sqlite")
        #expect(throws: StoreError.self) { try StoreURL(parsing: "sqlite:") }
    }

    @Test func parsesPostgresURLsAndRedactsThePassword() throws {
        let url = try StoreURL(parsing: "postgres://forloeb:s%40cret@db.example:6543/cases")
        guard case .postgres(let address) = url else {
            Issue.record("not postgres: \(url)")
            return
        }
        #expect(address.host == "db.example")
        #expect(address.port == 6543)
        #expect(address.user == "forloeb")
        #expect(address.password == "s@cret")
        #expect(address.database == "cases")
        #expect(url.redacted == "postgres://forloeb:***@db.example:6543/cases")
        #expect("\(url)" == url.redacted)
        #expect(!"\(url)".contains("cret"))
        let defaults = try StoreURL(parsing: "postgresql://ops@localhost")
        #expect(
            defaults == .postgres(.init(host: "localhost", port: 5432, user: "ops", password: nil, database: "ops")))
        #expect(defaults.redacted == "postgres://ops@localhost:5432/ops")
    }

    @Test func readsLibpqTLSParameters() throws {
        let url = try StoreURL(
            parsing: "postgres://forloeb:pw@db.example/cases?sslmode=verify-full&sslrootcert=/etc/forloeb/ca.pem")
        guard case .postgres(let address) = url else {
            Issue.record("not postgres: \(url)")
            return
        }
        #expect(address.sslMode == "verify-full")
        #expect(address.sslRootCert == "/etc/forloeb/ca.pem")
        #expect(url.redacted == "postgres://forloeb:***@db.example:5432/cases?sslmode=verify-full&sslrootcert=/etc/forloeb/ca.pem")
        for mode in StoreURL.PostgresAddress.sslModes {
            #expect(throws: Never.self) { try StoreURL(parsing: "postgres://u@h/d?sslmode=\(mode)") }
        }
        #expect(throws: StoreError.self) { try StoreURL(parsing: "postgres://u:hunter2@h/d?sslmode=allow-anything") }
    }

    @Test func refusesOtherURLsWithoutEchoingAPassword() {
        for text in ["mysql://root:hunter2@db/x", "http://x", "", "postgres://:pw@host/db", "postgres://u:hunter2@h/d?sslmode=on"] {
            do {
                _ = try StoreURL(parsing: text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.code == .invalidURL)
                #expect(!error.message.contains("hunter2"))
            }
        }
    }

    @Test func defaultsToTheUsersStateDirectory() throws {
        #expect(
            StoreURL.defaultSQLitePath(["XDG_STATE_HOME": "/state", "HOME": "/home/a"])
                == "/state/forloeb/forloeb.sqlite")
        #expect(StoreURL.defaultSQLitePath(["HOME": "/home/a"]) == "/home/a/.local/state/forloeb/forloeb.sqlite")
        #expect(
            StoreURL.defaultSQLitePath(["XDG_STATE_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/state/forloeb/forloeb.sqlite")
        #expect(
            try StoreURL.fromEnvironment(["FORLOEB_STORE": "sqlite:/tmp/a.sqlite"]) == .sqlite(path: "/tmp/a.sqlite"))
        #expect(try StoreURL.fromEnvironment(["HOME": "/h"]) == .sqlite(path: "/h/.local/state/forloeb/forloeb.sqlite"))
    }
}
