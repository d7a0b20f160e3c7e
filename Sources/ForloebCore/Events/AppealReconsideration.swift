/// What the municipality concluded when it reconsidered a decision it was asked to change (genvurdering,
/// retssikkerhedsloven § 66): the wire `outcome` of `appeal.reconsidered`.
public enum AppealReconsideration: String, Sendable, Codable, CaseIterable {
    /// The municipality keeps its decision and sends the appeal on to Ankestyrelsen.
    case upheld
    /// The municipality gives the citizen right: the decision is set aside and taken again.
    case changed
}
