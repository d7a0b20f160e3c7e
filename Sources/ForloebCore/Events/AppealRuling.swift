/// Ankestyrelsen's ruling on an appeal the municipality sent on: the wire `outcome` of `appeal.decided`.
public enum AppealRuling: String, Sendable, Codable, CaseIterable {
    /// Stadfæstet: the decision stands.
    case upheld
    /// Ændret: Ankestyrelsen changed the decision; the municipality takes it again as Ankestyrelsen said.
    case changed
    /// Ophævet: the decision is annulled and must be taken again.
    case annulled
    /// Hjemvist: the case is sent back to the municipality for a new decision.
    case remitted

    /// Whether the decision no longer stands, so that the case returns to where it is taken again.
    public var setsAside: Bool { self != .upheld }
}
