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
            envelope = try EventEnvelope(wire: container)
            return
        } catch let unknown as UnknownWireType {
            rejection = Rejection(.unknownType, "type: \"\(unknown.name)\" is not an event type of the contract")
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
                occurredAt: try? container.instant("occurredAt")),
            rejection: rejection)
    }
}

/// A field that decoded but holds a value the contract does not allow (an empty id, weeks of 0).
struct WireValueError: Error {
    var path: String
    var message: String
}

/// A `type` that is not one of the contract's event types.
struct UnknownWireType: Error {
    var name: String
}
