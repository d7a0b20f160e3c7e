import ForloebCore
import ForloebStore
import Foundation
import Testing

/// Issue 17: ids reach a store byte for byte or not at all. From the wire, an id with a control character is
/// `malformed` (recorded, dead-lettered) and its batch commits; through the library, a store keeps every
/// character but NUL as given and refuses NUL (`unstorable`) instead of cutting the id there.
@Suite struct StorableTextTests {
    typealias Fixture = StoreFixture

    static let controls = ["\u{0}", "\u{1}", "\n", "\u{7f}"]

    /// `text` as it goes inside a JSON string: control characters as `\uXXXX` escapes.
    static func escaped(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? String(format: "\\u%04x", scalar.value) : String(scalar)
        }.joined()
    }

    /// Whether `body` failed with `StoreError.Code.unstorable`.
    static func refusedAsUnstorable(_ body: () async throws -> Void) async -> Bool {
        do {
            try await body()
            return false
        } catch let error as StoreError {
            return error.code == .unstorable
        } catch {
            return false
        }
    }

    /// `H-\u0000-x` was stored as `H-`: a later event for the full id was `unknown_case`, and `case.opened` for
    /// `H-` failed its batch on every attempt with a UNIQUE "conflict". Now such a message is `malformed` on
    /// SQLite and PostgreSQL alike, and nothing else in its batch, or after it, notices it.
    @Test(arguments: StoreBackend.available)
    func controlCharactersInWireIdsAreMalformedAndTheBatchCommits(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        let opened = "2024-01-02T09:00:00Z"
        var badCases: [Data] = []
        var badMessages: [Data] = []
        for (index, control) in Self.controls.enumerated() {
            let c = Self.escaped(control)
            badCases.append(
                Fixture.event(
                    "open-\(index)", caseId: "H-\(c)-x", type: "case.opened", at: opened, data: Fixture.openData))
            badMessages.append(
                Fixture.event(
                    "close-\(c)-\(index)", caseId: "H-", type: "case.closed", data: #"{"reason":"withdrawn"}"#))
        }
        let openH = Fixture.event("open-H", caseId: "H-", type: "case.opened", at: opened, data: Fixture.openData)
        let closeH = Fixture.event("close-H", caseId: "H-", type: "case.closed", data: #"{"reason":"withdrawn"}"#)
        try await backend.withStore { db in
            let store = try await db.open()
            let first = try await store.apply(Fixture.messages(badCases), journey: journey, at: Fixture.now)
            let second = try await store.apply(
                Fixture.messages([openH] + badMessages + [closeH]), journey: journey, at: Fixture.now)

            for (outcome, body) in zip(first, badCases) {
                guard case .rejected(let rejected) = outcome else { Issue.record("\(outcome)"); continue }
                #expect(rejected.rejection.code == .malformed)
                #expect(rejected.rejection.detail.hasPrefix("caseId: must not contain control characters"))
                #expect(rejected.caseId == nil, "\(String(decoding: body, as: UTF8.self))")
            }
            #expect(second.first.map { if case .applied = $0 { true } else { false } } == true, "\(second)")
            #expect(second.last.map { if case .applied = $0 { true } else { false } } == true, "\(second)")
            for outcome in second.dropFirst().dropLast() {
                guard case .rejected(let rejected) = outcome else { Issue.record("\(outcome)"); continue }
                #expect(rejected.rejection.detail.hasPrefix("messageId: must not contain control characters"))
                #expect(rejected.messageId.hasPrefix("unreadable-"))
            }

            let record = try #require(try await store.caseRecord("H-"))
            #expect(record.history.map(\.messageId) == ["open-H", "close-H"])
            #expect(record.rejections.count == Self.controls.count)
            #expect(record.rejections.allSatisfy { $0.code == .malformed })
            let letters = try await store.deadLetters(includeResolved: false, limit: 10)
            #expect(letters.map(\.body) == badCases, "tied to no case: dead letters, byte for byte")
            #expect(letters.allSatisfy { $0.code == .malformed && $0.messageId.hasPrefix("open-") })
            #expect(try await store.counts().cases == 1)

            // Redelivered, every message is a duplicate: no batch fails, nothing is recorded twice.
            let before = try await store.counts()
            let again = try await store.apply(
                Fixture.messages(badCases + [openH] + badMessages + [closeH]), journey: journey, at: Fixture.now)
            #expect(again.allSatisfy { if case .duplicate = $0 { true } else { false } }, "\(again)")
            #expect(try await store.counts() == before)
        }
    }

    /// Through the library (an import tool, a replay with a decoded envelope) a store keeps control characters
    /// as given and refuses NUL before it writes anything; a lookup by a key with NUL finds nothing rather than
    /// the case the key would be cut to.
    @Test(arguments: StoreBackend.available)
    func aStoreKeepsEveryCharacterButNULAndRefusesNUL(_ backend: StoreBackend) async throws {
        let journey = try Fixture.journey()
        func opening(_ messageId: String, _ caseId: String) throws -> InboundMessage {
            let envelope = EventEnvelope(
                messageId: messageId, caseId: caseId,
                occurredAt: try #require(Instant(rfc3339: "2024-01-02T09:00:00Z")), actor: "sb-1",
                event: .caseOpened(
                    Citizen(
                        birthDate: try #require(CivilDate(iso: "1980-05-01")), municipality: "0260",
                        origin: .municipality, incomeBasis: .kontanthjaelp)))
            return InboundMessage(body: envelope.wireJSON(), decoded: .success(envelope))
        }
        try await backend.withStore { db in
            let store = try await db.open()
            let id = "C-\u{1}\n\u{7f}-x"
            let messageId = "m-\u{1}\n\u{7f}"
            let outcomes = try await store.apply([try opening(messageId, id)], journey: journey, at: Fixture.now)
            #expect(outcomes.map(\.messageId) == [messageId])
            let record = try #require(try await store.caseRecord(id))
            #expect(record.snapshot.caseId == id)
            #expect(record.history.map(\.messageId) == [messageId])
            #expect(try await store.caseRecord("C-") == nil)
            #expect(try await store.cases(matching: CaseFilter()).map(\.caseId) == [id])

            _ = try await store.apply([try opening("open-N", "N-")], journey: journey, at: Fixture.now)
            let before = try await store.counts()
            for message in [try opening("open-N0", "N-\u{0}-x"), try opening("m-\u{0}-N", "N-2")] {
                #expect(
                    await Self.refusedAsUnstorable {
                        _ = try await store.apply([message], journey: journey, at: Fixture.now)
                    })
            }
            let audit = AuditEntry(operatorId: "ops-1", at: Fixture.now, action: "note", reason: "a\u{0}b")
            #expect(await Self.refusedAsUnstorable { _ = try await store.appendAudit(audit) })
            let letter = DeadLetterEntry(
                messageId: "d-\u{0}", body: Data("x".utf8), code: .retryExhausted, detail: "the store failed")
            #expect(await Self.refusedAsUnstorable { _ = try await store.recordDeadLetters([letter], at: Fixture.now) })
            #expect(try await store.counts() == before, "nothing was written")

            #expect(try await store.caseRecord("N-\u{0}-x") == nil, "not the case N-")
            #expect(try await store.caseRecord("N-") != nil)
            #expect(try await store.snapshots(["N-\u{0}-x", "N-"]).keys.sorted() == ["N-"])
            #expect(try await store.eventBodies("N-\u{0}-x").isEmpty)
            #expect(try await store.outbox(caseId: "N-\u{0}-x").isEmpty)
            #expect(try await store.rejectedMessage("open-N\u{0}") == nil)
            #expect(try await store.rejections(matching: RejectionFilter(caseId: "N-\u{0}")).isEmpty)
            #expect(try await store.auditLog(caseId: "N-\u{0}", limit: 10).isEmpty)
        }
    }
}
