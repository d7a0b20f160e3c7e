/// The decision an appeal is about, as the story names it: "afslaget af 20. marts 2023 på et ressourceforløb".
///
/// Why not its message id: the citizen knows a decision by its date and what it decided, never by the case
/// system's id.
public struct AppealedDecision: Sendable, Equatable {
    public var kind: DecisionKind
    /// The decided next step; `nil` for a refusal and a sanction.
    public var step: NextStep?
    public var decidedOn: CivilDate

    public init(kind: DecisionKind, step: NextStep?, decidedOn: CivilDate) {
        self.kind = kind
        self.step = step
        self.decidedOn = decidedOn
    }

    init(_ decision: AppealableDecision) {
        self.init(kind: decision.kind, step: NextStep(rawValue: decision.outcome), decidedOn: decision.decidedOn)
    }

    /// The decision `appeal` is about, as case `c` recorded it.
    init(appealed appeal: Appeal, in c: CitizenCase) {
        if let decision = c.decisions?.first(where: { $0.messageId == appeal.decision }) {
            self.init(decision)
        } else {
            self.init(kind: .decision, step: nil, decidedOn: appeal.receivedOn)
        }
    }

    /// A refusal: of a course, or to treat the case with a view to one.
    public var isRefusal: Bool { kind != .sanction && step == nil }
}

/// What setting a decision aside did to the case (CONTRACT.md §6.4; the choices in `Journey+Appeals.swift`).
public enum Reopening: Sendable, Equatable {
    /// The case returned to the state in which the decision is taken again.
    case returned(to: CaseState)
    /// A sanction set aside: it no longer counts.
    case sanctionLifted
    /// A later decision had replaced it, so the case stays where it is.
    case replacedByLaterDecision
    /// The case is closed, so it is not reopened.
    case caseClosed
}
