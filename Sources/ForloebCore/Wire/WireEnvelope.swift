/// The JSON shape of an inbound message, decoded strictly; on failure its identifying fields are read leniently.
struct WireEnvelope: Decodable {
    struct Header {
        var messageId: String?
        var caseId: String?
        var type: String?
        var occurredAt: Instant?
    }

    /// A decoding failure that still carries whatever identifying fields could be read.
    struct Failure: Error {
        var header: Header
        var rejection: Rejection
    }

    let envelope: EventEnvelope

    init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<WireKey>
        do {
            container = try decoder.container(keyedBy: WireKey.self)
        } catch {
            throw Failure(header: Header(), rejection: Rejection(.malformed, "body: expected a JSON object"))
        }
        let rejection: Rejection
        do {
            let messageId = try container.decodeNonEmpty("messageId")
            let caseId = try container.decodeNonEmpty("caseId")
            let typeName = try container.decode(String.self, forKey: "type")
            let occurredAt = try container.decode(Instant.self, forKey: "occurredAt")
            let actor = try container.decodeNonEmpty("actor")
            if let type = EventType(rawValue: typeName) {
                let event = try CaseEvent.decode(type, from: container)
                envelope = EventEnvelope(
                    messageId: messageId, caseId: caseId, occurredAt: occurredAt, actor: actor, event: event)
                return
            }
            rejection = Rejection(.unknownType, "type: \"\(typeName)\" is not an event type of the contract")
        } catch let invalid as WireValueError {
            rejection = Rejection(.malformed, "\(invalid.path): \(invalid.message)")
        } catch {
            rejection = Rejection(.malformed, EventDecoder.describe(error))
        }
        // Only on failure: read what identifies the message, leniently, to tie the rejection to its case.
        throw Failure(
            header: Header(
                messageId: (try? container.decode(String.self, forKey: "messageId"))?.wireIdentifier,
                caseId: (try? container.decode(String.self, forKey: "caseId"))?.wireIdentifier,
                type: try? container.decode(String.self, forKey: "type"),
                occurredAt: try? container.decode(Instant.self, forKey: "occurredAt")),
            rejection: rejection)
    }
}

/// A field that decoded but holds a value the contract does not allow (an empty id, weeks of 0).
struct WireValueError: Error {
    var path: String
    var message: String
}

extension KeyedDecodingContainer<WireKey> {
    func decodeNonEmpty(_ key: WireKey) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard !value.isEmpty else {
            throw WireValueError(path: (codingPath + [key]).jsonPath, message: "must not be empty")
        }
        if let control = value.firstControlCharacter {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath, message: "must not contain control characters, found \(control)")
        }
        return value
    }

    func decodePositive(_ key: WireKey) throws -> Int {
        let value = try integer(at: key) { try decode(Int.self, forKey: key) }
        guard value > 0 else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath, message: "must be a positive integer, got \(value)")
        }
        return value
    }

    func decodePositiveIfPresent(_ key: WireKey) throws -> Int? {
        guard let value = try integer(at: key, { try decodeIfPresent(Int.self, forKey: key) }) else { return nil }
        guard value > 0 else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath, message: "must be a positive integer, got \(value)")
        }
        return value
    }

    /// Foundation reports a number that is no `Int` (`12.5`, `1e400`) with an internal error that carries no
    /// coding path; name the field instead, as every `malformed` detail must.
    private func integer<T>(at key: WireKey, _ decode: () throws -> T) throws -> T {
        do {
            return try decode()
        } catch let error as DecodingError {
            throw error
        } catch {
            throw WireValueError(path: (codingPath + [key]).jsonPath, message: "expected an integer")
        }
    }
}
