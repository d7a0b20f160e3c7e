/// The body of a `state.changed` notification.
public struct StateChange: Sendable, Equatable, Codable {
    public var caseId: String
    /// `nil` when the case was opened.
    public var from: CaseState?
    public var to: CaseState
    public var at: Instant
    /// The messageId of the event that caused the change.
    public var causedBy: String
    public var courseNumber: Int
    /// The rule set that judged the event (an addition to the contract's fields).
    public var ruleSet: RuleSetID

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: WireKey.self)
        try c.encode(caseId, forKey: "caseId")
        try c.encode(from, forKey: "from")  // explicit null for a newly opened case
        try c.encode(to, forKey: "to")
        try c.encode(at, forKey: "at")
        try c.encode(causedBy, forKey: "causedBy")
        try c.encode(courseNumber, forKey: "courseNumber")
        try c.encode(ruleSet, forKey: "ruleSet")
    }
}
