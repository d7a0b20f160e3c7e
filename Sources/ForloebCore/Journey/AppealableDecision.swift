/// A decision on the case that the citizen may appeal (R14), kept so that an `appeal.lodged` can name it.
public struct AppealableDecision: Sendable, Equatable, Codable {
    /// The `messageId` of the event that made it: what `appeal.lodged`'s `decision` names.
    public var messageId: String
    public var kind: DecisionKind
    /// `refusal`, a next step's wire name, or `sanction`.
    public var outcome: String
    public var decidedOn: CivilDate
    /// The day the citizen received it, when the case system said; the appeal period runs from it.
    public var notifiedOn: CivilDate?
    /// The last day an appeal may reach the municipality: 4 weeks from `notifiedOn` (or `decidedOn`), moved to
    /// the next working day (retssikkerhedsloven § 67; CONTRACT.md §6.4, §6.6).
    public var appealUntil: CivilDate
    /// Where the case returns if the decision is set aside; `nil` for a sanction, which moves no state.
    public var reopens: CaseStanding?
}
