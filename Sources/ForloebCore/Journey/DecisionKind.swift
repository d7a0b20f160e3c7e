/// Which event made an appealable decision (CONTRACT.md §6.4): they differ in where a case returns to when
/// the decision is set aside.
public enum DecisionKind: String, Sendable, Codable, CaseIterable {
    /// `decision.made`: a course, a next step or a refusal.
    case decision
    /// `target_group.assessed` outside the target group or with førtidspension obvious (R14: refusing to treat
    /// the case with a view to a course is itself a decision).
    case targetGroup = "target_group"
    /// `sanction.decided` (003 §4.6).
    case sanction
}
