import ArgumentParser
import ForloebCore
import ForloebStore
import Foundation

/// `forloeb audit verify`: walk the hash chain; exit 1 at the first entry someone altered or removed.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain; exit 1 with the first broken entry.",
        discussion: """
            Each entry's hash covers the previous entry's hash and its own fields (the vouched identity and the
            display name included, where the entry records an identity), so editing or deleting any row
            (even with direct database access, past the append-only triggers) breaks the chain there. Example:
              forloeb audit verify --json
            """
    )

    @Flag(help: "Print one JSON document.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    struct Document: Encodable {
        var intact: Bool
        var records: Int
        var firstBrokenSequence: Int64?
        var problem: String?

        enum CodingKeys: String, CodingKey { case intact, records, firstBrokenSequence, problem }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(intact, forKey: .intact)
            try c.encode(records, forKey: .records)
            try c.encode(firstBrokenSequence, forKey: .firstBrokenSequence)
            try c.encode(problem, forKey: .problem)
        }
    }

    func run() async throws {
        let verification = try await storeOptions.withStore(.read) { store in
            do {
                return try await store.verifyAudit()
            } catch {
                throw CommandFailure.store(error, store.url)
            }
        }
        let document = Document(
            intact: verification.isIntact, records: verification.records,
            firstBrokenSequence: verification.firstBroken?.sequence, problem: verification.firstBroken?.problem)
        if json {
            try JSONOutput.print(document)
        } else if let broken = verification.firstBroken {
            print(
                TerminalStyle.red.apply(
                    "audit log BROKEN at entry \(broken.sequence) of \(verification.records): \(broken.problem)"))
        } else {
            print(
                TerminalStyle.green.apply(
                    "audit log intact: \(verification.records) entr\(verification.records == 1 ? "y" : "ies") verified."
                ))
        }
        if !verification.isIntact { throw ExitCode(1) }
    }
}
