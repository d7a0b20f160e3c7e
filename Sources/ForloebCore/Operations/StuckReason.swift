/// Why an operator should look at a case now.
public enum StuckReason: Sendable, Equatable, Codable {
    /// The course's end passed without a next-step decision (R5): course and benefit continue.
    case overrun(courseEnd: CivilDate, days: Int)
    /// A deadline passed and the case has not moved past it.
    case overdue(kind: DeadlineKind, dueOn: CivilDate, days: Int)
    /// No accepted event for longer than the state's idle threshold.
    case idle(days: Int, thresholdDays: Int)

    /// The reason in one English sentence.
    public var summary: String {
        switch self {
        case .overrun(let end, let days): "course ended \(end) (\(days) days ago) with no next-step decision (R5)"
        case .overdue(let kind, let due, let days): "\(kind.rawValue) was due \(due) (\(days) days overdue)"
        case .idle(let days, let threshold): "no event for \(days) days (threshold \(threshold))"
        }
    }

    /// A short machine-readable name for JSON and filters.
    public var code: String {
        switch self {
        case .overrun: "overrun"
        case .overdue: "overdue"
        case .idle: "idle"
        }
    }
}
