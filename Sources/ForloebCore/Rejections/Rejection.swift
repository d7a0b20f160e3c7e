/// Why an event was not applied: a contract code, the rule it breaks (when it is about the law) and a
/// human message in English that cites the rule's source.
public struct Rejection: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var code: RejectionCode
    public var rule: RuleID?
    /// For an operator or integrator: what was wrong and, for `malformed`, the JSON path of the field.
    public var detail: String

    public init(_ code: RejectionCode, rule: RuleID? = nil, _ detail: String) {
        self.code = code
        self.rule = rule
        self.detail = detail
    }

    /// A rejection for breaking `rule`, with the rule's summary and source appended to `detail`.
    public static func law(_ code: RejectionCode, _ rule: RuleID, _ detail: String) -> Rejection {
        Rejection(code, rule: rule, "\(detail) (\(rule.rawValue): \(rule.summary); \(rule.source))")
    }

    public var description: String {
        "\(code.rawValue)\(rule.map { " [\($0.rawValue)]" } ?? ""): \(detail)"
    }
}
