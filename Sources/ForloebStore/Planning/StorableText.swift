import ForloebCore
import Foundation

/// Text a store keeps byte for byte: any string without NUL (U+0000).
///
/// PostgreSQL's `text` cannot hold NUL at all (the server refuses the value, and with it the whole batch), and
/// GRDB binds and reads SQLite text as C strings, so a NUL cut the value there: the case `H-\u0000-x` was stored
/// as the different case `H-` (issue 17). Every other character, control characters included, is stored and
/// read back as given. So on both back ends alike a store refuses a value with NUL before it writes anything
/// (`StoreError.Code.unstorable`), and a lookup by such a key finds nothing, since no stored key can hold one.
/// The wire decoder already rejects control characters in ids as `malformed`; this is the stores' own guarantee
/// for every other caller (the CLI's verbs, replays, tools built on the library).
public enum StorableText {
    /// Whether `text` can be stored and read back byte for byte.
    public static func isStorable(_ text: String) -> Bool {
        !text.utf8.contains(0)
    }

    /// Whether every one of `texts` (nil counts as storable) can be stored byte for byte.
    public static func areStorable(_ texts: [String?]) -> Bool {
        texts.allSatisfy { $0.map(isStorable) ?? true }
    }

    /// Throws `unstorable`, naming `field`, when `text` holds NUL.
    public static func require(_ text: String?, _ field: @autoclosure () -> String) throws(StoreError) {
        guard let text, !isStorable(text) else { return }
        throw StoreError(
            .unstorable,
            "\(field()) \"\(text.escapingNUL)\" holds NUL (U+0000), which the store cannot keep byte for byte")
    }

    /// Throws `unstorable` when a message's id or case id holds NUL: checked before a batch reads anything, as
    /// PostgreSQL refuses such a key even in a lookup.
    public static func require(_ messages: [InboundMessage]) throws(StoreError) {
        for message in messages {
            try require(message.messageId, "messageId")
            try require(message.caseId, "caseId")
        }
    }

    /// Throws `unstorable` when a dead letter's message id or detail holds NUL.
    public static func require(_ entry: DeadLetterEntry) throws(StoreError) {
        try require(entry.messageId, "messageId")
        try require(entry.detail, "detail of \(entry.messageId)")
    }

    /// Throws `unstorable` when a field of an operator's audit entry holds NUL.
    public static func require(_ entry: AuditEntry) throws(StoreError) {
        try require(entry.operatorId, "audit operator")
        try require(entry.action, "audit action")
        try require(entry.caseId, "audit caseId")
        try require(entry.reason, "audit reason")
        try require(entry.detail, "audit detail")
    }
}

extension BatchPlan {
    /// Throws `unstorable` when a text the batch would write came in with NUL (the ids, the actor, a rejection's
    /// type and detail, a case's municipality and caseworker, an event's body). The JSON the planner writes
    /// itself (snapshots, notifications) escapes control characters and needs no check.
    package func requireStorableText() throws(StoreError) {
        for event in events {
            try StorableText.require(event.caseId, "caseId")
            try StorableText.require(event.messageId, "messageId")
            try StorableText.require(event.actor, "actor")
            try StorableText.require(event.body, "body of \(event.messageId)")
        }
        for write in cases {
            try StorableText.require(write.summary.municipality, "municipality of \(write.summary.caseId)")
            try StorableText.require(write.summary.caseworker, "caseworker of \(write.summary.caseId)")
        }
        for rejection in rejections {
            try StorableText.require(rejection.messageId, "messageId")
            try StorableText.require(rejection.caseId, "caseId")
            try StorableText.require(rejection.type, "type of \(rejection.messageId)")
            try StorableText.require(rejection.detail, "detail of \(rejection.messageId)")
        }
        for letter in deadLetters {
            try StorableText.require(letter.messageId, "messageId")
            try StorableText.require(letter.detail, "detail of \(letter.messageId)")
        }
    }
}

extension String {
    /// NUL written as `\0`, for an error message that names the value.
    fileprivate var escapingNUL: String { replacingOccurrences(of: "\u{0}", with: "\\0") }
}
