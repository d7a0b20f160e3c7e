import Foundation

/// Turns the bytes of one inbound message into a typed `EventEnvelope`, or a `malformed` / `unknown_type`
/// rejection that names the offending field by its JSON path.
///
/// A message whose every field is as the contract allows is read by the fast path (`WireObject`); any other is
/// decoded by `JSONDecoder` (`WireEnvelope`), which names the offending field. On failure the envelope's identifying
/// fields are read leniently, so that even a message with a bad field is tied to its case and message id where
/// those are readable (and so is recorded on the case instead of dead-lettered). Unknown extra fields are ignored.
public enum EventDecoder {
    /// Messages above this size are rejected unread (CONTRACT.md §1: at most 64 KiB).
    public static let maximumBytes = 65_536

    public static func decode(_ bytes: Data) -> Result<EventEnvelope, RejectedEvent> {
        guard bytes.count <= maximumBytes else {
            return .failure(
                RejectedEvent(
                    messageId: fallbackMessageId(bytes), caseId: nil, type: "", occurredAt: nil,
                    rejection: Rejection(.malformed, "body: \(bytes.count) bytes exceeds the 65536-byte limit")))
        }
        if let envelope = WireObject.envelope(bytes) { return .success(envelope) }
        return decodeStrictly(bytes)
    }

    /// `JSONDecoder` alone, the reader whose answer the fast path must give (`WireFastPathTests`).
    static func decodeStrictly(_ bytes: Data) -> Result<EventEnvelope, RejectedEvent> {
        do {
            return .success(try JSONDecoder().decode(WireEnvelope.self, from: bytes).envelope)
        } catch let error as WireEnvelope.Failure {
            let header = error.header
            // The type and the detail may quote what was sent: no control character reaches a store or a log.
            var rejection = error.rejection
            rejection.detail = rejection.detail.escapingControlCharacters
            return .failure(
                RejectedEvent(
                    messageId: header.messageId ?? fallbackMessageId(bytes), caseId: header.caseId,
                    type: (header.type ?? "").escapingControlCharacters, occurredAt: header.occurredAt,
                    rejection: rejection))
        } catch {
            return .failure(
                RejectedEvent(
                    messageId: fallbackMessageId(bytes), caseId: nil, type: "", occurredAt: nil,
                    rejection: Rejection(.malformed, "body: not a JSON object (\(describe(error)))")))
        }
    }

    public static func decode(_ text: String) -> Result<EventEnvelope, RejectedEvent> {
        decode(Data(text.utf8))
    }

    /// A stable id for a message whose own `messageId` cannot be read: FNV-1a over its bytes.
    public static func fallbackMessageId(_ bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "unreadable-" + String(hash, radix: 16)
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\((context.codingPath + [key]).jsonPath): required field is missing"
        case .typeMismatch(let type, let context):
            return "\(context.codingPath.jsonPath.nonEmpty ?? "body"): expected \(wireName(of: type))"
        case .valueNotFound(let type, let context):
            return "\(context.codingPath.jsonPath.nonEmpty ?? "body"): expected \(wireName(of: type)), got null"
        case .dataCorrupted(let context):
            let path = context.codingPath.jsonPath
            return path.isEmpty ? "body: not valid JSON" : "\(path): \(context.debugDescription)"
        @unknown default:
            return "unreadable JSON"
        }
    }

    static func wireName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [String].Type, is [Any].Type: "a list"
        default: "an object"
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
