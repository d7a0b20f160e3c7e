import ForloebCore

/// The scheduler's two notices per deadline; each is sent at most once per (case, kind, due date).
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    case reminder, overdue
}
