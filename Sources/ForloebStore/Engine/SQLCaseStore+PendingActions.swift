import ForloebCore
import Foundation

/// Four eyes: dangerous bulk actions wait in `pending_actions` until a second identity approves them.
extension SQLCaseStore {
    public func requestAction(
        _ verb: PendingAction.Verb, arguments: String, displayName: String, reason: String, at now: Instant
    ) async throws -> PendingAction {
        let dialect = self.dialect
        return try await driver.transaction { session in
            let identity = try await dialect.identity(in: session)
            let rows = try await session.rows(
                StoreStatement(
                    """
                    INSERT INTO pending_actions (verb, arguments, requested_by, requested_name, reason, created_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending') RETURNING \(PendingAction.columns)
                    """,
                    [
                        .text(verb.rawValue), .text(arguments), .text(identity), .text(displayName), .text(reason),
                        .instant(now),
                    ]))
            guard let row = rows.first else { throw StoreError(.io, "the pending action was not recorded") }
            let action = try PendingAction(row: row)
            _ = try await Self.appendAudit(
                session,
                AuditEntry(
                    operatorId: displayName, at: now, action: "pending.request", reason: reason,
                    detail: Self.auditDetail(action)),
                dialect: dialect)
            return action
        }
    }

    public func pendingActions(includeApproved: Bool, limit: Int) async throws -> [PendingAction] {
        try await driver.rows(
            StoreStatement(
                """
                SELECT \(PendingAction.columns) FROM pending_actions
                \(includeApproved ? "" : "WHERE status = 'pending'") ORDER BY id LIMIT ?
                """, [.int(limit)]),
            as: PendingAction.init(row:))
    }

    public func approveAction(_ id: Int64, displayName: String, reason: String, at now: Instant) async throws
        -> PendingAction
    {
        let dialect = self.dialect
        return try await driver.transaction { session in
            let identity = try await dialect.identity(in: session)
            let found = try await session.rows(
                StoreStatement(
                    "SELECT \(PendingAction.columns) FROM pending_actions WHERE id = ?"
                        + (dialect == .postgres ? " FOR UPDATE" : ""), [.integer(id)]))
            guard let row = found.first else { throw StoreError(.notFound, "pending action \(id) does not exist") }
            let action = try PendingAction(row: row)
            guard action.status == .pending else {
                throw StoreError(
                    .notFound, "pending action \(id) was already approved by \(action.approvedBy ?? "someone")")
            }
            guard action.requestedBy != identity else {
                throw StoreError(
                    .notPermitted,
                    "pending action \(id) was requested by \(identity): a second operator must approve it (four eyes)")
            }
            let rows = try await session.rows(
                StoreStatement(
                    """
                    UPDATE pending_actions SET status = 'approved', approved_by = ?, approved_name = ?,
                        approval_reason = ?, approved_at = ?
                    WHERE id = ? AND status = 'pending' RETURNING \(PendingAction.columns)
                    """, [.text(identity), .text(displayName), .text(reason), .instant(now), .integer(id)]))
            guard let updated = rows.first else {
                throw StoreError(.notFound, "pending action \(id) was approved meanwhile")
            }
            let approved = try PendingAction(row: updated)
            _ = try await Self.appendAudit(
                session,
                AuditEntry(
                    operatorId: displayName, at: now, action: "pending.approve", reason: reason,
                    detail: Self.auditDetail(approved)),
                dialect: dialect)
            return approved
        }
    }

    /// The audit detail of a request or an approval: which action, what it does, who asked for it.
    static func auditDetail(_ action: PendingAction) -> String {
        let object: [String: String] = [
            "pendingAction": String(action.id), "verb": action.verb.rawValue, "arguments": action.arguments,
            "requestedBy": action.requestedBy,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
