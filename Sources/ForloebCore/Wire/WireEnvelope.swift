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
            let messageId = try container.decodeIdentifier("messageId")
            let caseId = try container.decodeIdentifier("caseId")
            let typeName = try container.decode(String.self, forKey: "type")
            let occurredAt = try container.decodeInstant("occurredAt")
            let actor = try container.decodeIdentifier("actor")
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
                occurredAt: try? container.decodeInstant("occurredAt")),
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

    /// An id (`messageId`, `caseId`, `actor`): non-empty, no control characters, at most
    /// `WireLimits.maximumIdentifierBytes` bytes.
    func decodeIdentifier(_ key: WireKey) throws -> String {
        let value = try decodeNonEmpty(key)
        guard value.utf8.count <= WireLimits.maximumIdentifierBytes else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath,
                message: "\(value.utf8.count) bytes; an id is at most \(WireLimits.maximumIdentifierBytes)")
        }
        return value
    }

    func decodeIdentifierIfPresent(_ key: WireKey) throws -> String? {
        try contains(key) && !decodeNil(forKey: key) ? decodeIdentifier(key) : nil
    }

    /// A count from 1 to `maximum` (`WireLimits`): larger numbers would overflow the engine's date arithmetic.
    func decodePositive(_ key: WireKey, atMost maximum: Int) throws -> Int {
        try checkedCount(try integer(at: key) { try decode(Int.self, forKey: key) }, key, atMost: maximum)
    }

    func decodePositiveIfPresent(_ key: WireKey, atMost maximum: Int) throws -> Int? {
        guard let value = try integer(at: key, { try decodeIfPresent(Int.self, forKey: key) }) else { return nil }
        return try checkedCount(value, key, atMost: maximum)
    }

    private func checkedCount(_ value: Int, _ key: WireKey, atMost maximum: Int) throws -> Int {
        guard value > 0 else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath, message: "must be a positive integer, got \(value)")
        }
        guard value <= maximum else {
            throw WireValueError(path: (codingPath + [key]).jsonPath, message: "must be at most \(maximum), got \(value)")
        }
        return value
    }

    /// A calendar date within `WireLimits.dates`.
    func decodeDate(_ key: WireKey) throws -> CivilDate {
        try checkedDate(try decode(CivilDate.self, forKey: key), key)
    }

    func decodeDateIfPresent(_ key: WireKey) throws -> CivilDate? {
        try decodeIfPresent(CivilDate.self, forKey: key).map { try checkedDate($0, key) }
    }

    /// An instant within `WireLimits.instants`.
    func decodeInstant(_ key: WireKey) throws -> Instant {
        let instant = try decode(Instant.self, forKey: key)
        guard WireLimits.instants.contains(instant) else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath,
                message: "\(instant) is outside the instants the engine accepts (\(WireLimits.instants.lowerBound) to \(WireLimits.instants.upperBound))")
        }
        return instant
    }

    private func checkedDate(_ date: CivilDate, _ key: WireKey) throws -> CivilDate {
        guard WireLimits.dates.contains(date) else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath,
                message: "\(date) is outside the dates the engine accepts (\(WireLimits.earliestDate) to \(WireLimits.latestDate))")
        }
        return date
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
