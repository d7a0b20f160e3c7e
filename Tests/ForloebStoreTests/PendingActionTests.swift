import ForloebCore
import ForloebStore
import Testing

/// Four eyes in the store: a pending action is recorded under the identity acting, audited, and that identity
/// can never approve it (the engine refuses, and the schema too).
@Suite struct PendingActionTests {
    @Test(arguments: StoreBackend.available)
    func theRequesterCannotApproveTheirOwnAction(_ backend: StoreBackend) async throws {
        try await backend.withStore { database in
            let store = try await database.open()
            let me = try await store.identity()
            let action = try await store.requestAction(
                .deadLettersDrop, arguments: #"{"deadLetters":[1,2]}"#, displayName: "Jane", reason: "vendor test",
                at: StoreFixture.now)
            #expect(action.id == 1 && action.status == .pending && action.requestedBy == me)
            #expect(try await store.pendingActions(includeApproved: false, limit: 10) == [action])
            do {
                _ = try await store.approveAction(1, displayName: "Jane", reason: "mine", at: StoreFixture.now)
                Issue.record("approved by the identity that requested it")
            } catch let error as StoreError {
                #expect(error.code == .notPermitted)
            }
            do {
                _ = try await store.approveAction(2, displayName: "Jane", reason: "x", at: StoreFixture.now)
                Issue.record("approved an action that does not exist")
            } catch let error as StoreError {
                #expect(error.code == .notFound)
            }
            #expect(try await store.pendingActions(includeApproved: true, limit: 10).map(\.status) == [.pending])
            // Past the engine, the schema refuses it too.
            await #expect(throws: (any Error).self) {
                try await database.execute(
                    "UPDATE pending_actions SET status = 'approved', approved_by = requested_by, approved_at = 1")
            }
            let log = try await store.auditLog(caseId: nil, limit: 10)
            #expect(log.map(\.entry.action) == ["pending.request"])
            #expect(log.map(\.entry.identity) == [me])
            #expect(try await store.verifyAudit().isIntact)
        }
    }
}
