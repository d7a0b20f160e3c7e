import ForloebStore
import ForloebTestSupport
import Foundation
import Testing

/// A throwaway PostgreSQL database for the operator verbs' tests, migrated and filled by its owner (the test
/// server's superuser), and login roles created for the test with a unique suffix, each granted one of the store's
/// group roles: how a deployment gives each person their own role. Everything is dropped by `remove()`.
///
/// Needs `FORLOEB_TEST_POSTGRES_URL` (scripts/postgres.sh); `available` is false without it, unless
/// `FORLOEB_REQUIRE_POSTGRES=1`, in which case `make()` fails.
struct PostgresOperatorStore {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var available: Bool {
        environment["FORLOEB_TEST_POSTGRES_URL"].map { !$0.isEmpty } == true
            || environment["FORLOEB_REQUIRE_POSTGRES"] == "1"
    }

    let owner: StoreURL.PostgresAddress
    let suffix: String
    private(set) var logins: [String] = []
    let password = UUID().uuidString

    static func make() async throws -> PostgresOperatorStore {
        let text = try #require(environment["FORLOEB_TEST_POSTGRES_URL"], "FORLOEB_TEST_POSTGRES_URL is unset")
        guard case .postgres(var address) = try StoreURL(parsing: text) else {
            throw StoreError(.invalidURL, "FORLOEB_TEST_POSTGRES_URL is not a postgres:// URL")
        }
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let database = "forloeb_t_ops_\(suffix)"
        try await PostgresAdmin.run(address, "CREATE DATABASE \(database)")
        address.database = database
        return PostgresOperatorStore(owner: address, suffix: String(suffix))
    }

    /// The URL of `user` (the owner when `nil`), with its password.
    func url(_ user: String? = nil) -> String {
        var address = owner
        if let user {
            address.user = user
            address.password = password
        }
        let credentials =
            "\(address.user):\(address.password?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return "postgres://\(credentials)@\(address.host):\(address.port)/\(address.database)?sslmode=disable"
    }

    /// Creates login role `<name>_<suffix>`, a member of `groups`, and returns its name.
    mutating func login(_ name: String, in groups: [String]) async throws -> String {
        let role = "\(name)_\(suffix)"
        let membership = groups.isEmpty ? "" : " IN ROLE \(groups.joined(separator: ", "))"
        try await PostgresAdmin.run(owner, "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'\(membership)")
        logins.append(role)
        return role
    }

    /// Runs `forloeb` as `user` (the owner when `nil`) on this database.
    func run(_ arguments: [String], as user: String? = nil, stdin: Data? = nil) throws -> ForloebExecutable.Result {
        try ForloebExecutable.run(
            arguments,
            environment: ["FORLOEB_STORE": url(user), "FORLOEB_NOW": OperatorStore.now, "NO_COLOR": "1"], stdin: stdin)
    }

    func json(_ arguments: [String], as user: String? = nil) throws -> [String: Any] {
        let result = try run(arguments + ["--json"], as: user)
        #expect(result.status == 0, "\(arguments) failed: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(result.stdout)")
    }

    func remove() async {
        try? await PostgresAdmin.run(owner, "DROP DATABASE IF EXISTS \(owner.database) WITH (FORCE)")
        for role in logins { try? await PostgresAdmin.run(owner, "DROP ROLE IF EXISTS \(role)") }
    }
}
