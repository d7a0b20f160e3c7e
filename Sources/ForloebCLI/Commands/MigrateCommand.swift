import ArgumentParser
import ForloebStore

/// `forloeb migrate`: bring the store's schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the store's pending schema migrations (named, ordered, forward-only; one transaction each).",
        discussion: "Safe to run at any time and from several machines at once. Example: forloeb migrate --json"
    )

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Report: Encodable {
        var store: String
        var applied: [String]
        var alreadyApplied: [String]
        /// PostgreSQL: the roles created where missing and granted (forloeb_reader, forloeb_operator, forloeb_worker).
        var roles: [String]
    }

    func run() async throws {
        let (result, url) = try await storeOptions.withStore(.ignore) { store in
            do {
                return (try await store.migrate(), store.url)
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let report = Report(
            store: url.redacted, applied: result.applied, alreadyApplied: result.alreadyApplied,
            roles: result.grantedRoles)
        if json {
            try JSONOutput.print(report)
        } else if result.applied.isEmpty && !result.refreshedChecks.isEmpty {
            // This forloeb knows enum values the store's CHECKs did not list (a new deadline kind, event type …).
            print(
                "\(report.store): schema up to date; CHECKs rewritten for new values: "
                    + "\(result.refreshedChecks.joined(separator: ", ")).")
        } else if result.applied.isEmpty {
            print("\(report.store): schema up to date (\(result.alreadyApplied.joined(separator: ", "))).")
        } else {
            print("\(report.store): applied \(result.applied.joined(separator: ", ")).")
        }
        if !json && !report.roles.isEmpty {
            print("roles granted: \(report.roles.joined(separator: ", ")) (README: who may mend).")
        }
    }
}
