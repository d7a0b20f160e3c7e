/// A citizen's appeal of one decision (R14), from its arrival at the municipality to the last word on it.
///
/// The municipality reconsiders within 4 weeks of receiving it (retssikkerhedsloven § 66) and either gives the
/// citizen right or sends it on to Ankestyrelsen, which upholds, changes, annuls or remits the decision.
public struct Appeal: Sendable, Equatable, Codable {
    /// The `messageId` of the appealed decision.
    public var decision: String
    /// The `messageId` of the `appeal.lodged` event.
    public var lodgedBy: String
    public var receivedOn: CivilDate
    /// When the municipality's reconsideration is due: 4 weeks after `receivedOn`, moved to the next working day.
    public var reconsiderBy: CivilDate
    public var status: AppealStatus
    /// When the municipality reconsidered it, and when Ankestyrelsen ruled.
    public var reconsideredOn: CivilDate?
    public var decidedOn: CivilDate?
    /// Whether setting the decision aside returned the case to where it is taken again: `false` when a later
    /// decision had replaced it or the case was closed, `nil` while it stands.
    public var reopened: Bool?

    public init(decision: String, lodgedBy: String, receivedOn: CivilDate, reconsiderBy: CivilDate) {
        self.decision = decision
        self.lodgedBy = lodgedBy
        self.receivedOn = receivedOn
        self.reconsiderBy = reconsiderBy
        self.status = .lodged
    }
}
