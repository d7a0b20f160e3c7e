import ForloebCore
import ForloebStore
import Foundation

/// What an operator's replay did, as `rejections replay` and `dead-letters replay` print it.
///
/// A replay goes through `apply` exactly as the worker's delivery would, so the law is enforced the same
/// way: a replay that breaks a rule is rejected again (a new attempt, on the record) and the verb exits 1.
struct ReplayResult: Encodable {
    var messageId: String
    var replayOf: String
    var outcome: String
    var caseId: String?
    var from: CaseState?
    var to: CaseState?
    var code: RejectionCode?
    var rule: RuleID?
    var detail: String?

    init(_ outcome: ApplyOutcome, replayOf: String) {
        self.replayOf = replayOf
        messageId = outcome.messageId
        switch outcome {
        case .applied(let transition):
            self.outcome = "applied"
            caseId = transition.after.caseId
            from = transition.from
            to = transition.to
        case .duplicate:
            self.outcome = "duplicate"
        case .rejected(let rejected):
            self.outcome = "rejected"
            caseId = rejected.caseId
            code = rejected.rejection.code
            rule = rejected.rejection.rule
            detail = rejected.rejection.detail
        }
    }

    func text() -> String {
        switch outcome {
        case "applied":
            TerminalStyle.green.apply(
                "accepted: \(messageId) on case \(caseId ?? "-"): \(from?.rawValue ?? "(new)") → \(to?.rawValue ?? "-") (replay of \(replayOf), audited)")
        case "duplicate":
            "no effect: \(messageId) was already accepted (a replay of an accepted message is a duplicate)"
        default:
            TerminalStyle.red.apply(
                "rejected again: \(messageId): \(code?.rawValue ?? "-")\(rule.map { " (\($0.rawValue))" } ?? ""): \(detail ?? "") (attempt recorded and audited)")
        }
    }

    /// Exit 0 only when the replay was accepted.
    var succeeded: Bool { outcome == "applied" }

    /// The body of a corrected message: a file, or `-` for standard input.
    static func readBody(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.usage("cannot read --body \(path)")
        }
        var body = data
        while let last = body.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { body.removeLast() }
        return body
    }

    /// The audit detail of a replay: which message it replays, what it sent, and whether the body was corrected.
    static func auditDetail(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(fields)) ?? Data(), as: UTF8.self)
    }
}
