/// What the citizen is told about appealing a decision (klagevejledning, R14): to whom, by when, and what follows.
///
/// Why its own type: every decision carries it, and its facts come from the engine (the last day is the
/// `DecisionRecord`'s, counted by `DanishCalendar`), so both languages tell the same periods and only word them.
public struct AppealGuidance: Sendable, Equatable {
    /// What is appealed: the words differ ("afgørelsen", "afslaget", "sanktionen"), the law does not.
    public enum Subject: Sendable, Equatable {
        case decision, refusal, sanction
    }

    public var subject: Subject
    /// The day the period counts from: the day the citizen received the decision, or else the decision's date.
    public var from: CivilDate
    /// Whether the case system said when the citizen received the decision (`notifiedOn`), so that `from` is that
    /// day and the story can name it.
    public var fromNotification: Bool
    public var weeks: Int
    /// The last day the appeal can reach the municipality.
    public var lastDay: CivilDate
    /// Weeks the municipality has to reconsider and, if it upholds the decision, send the appeal on to
    /// Ankestyrelsen (retssikkerhedsloven §§ 66–67).
    public var reconsiderationWeeks: Int

    public init(
        subject: Subject, from: CivilDate, fromNotification: Bool = false, weeks: Int, lastDay: CivilDate,
        reconsiderationWeeks: Int = 4
    ) {
        self.subject = subject
        self.from = from
        self.fromNotification = fromNotification
        self.weeks = weeks
        self.lastDay = lastDay
        self.reconsiderationWeeks = reconsiderationWeeks
    }

    /// The day the period would have ended on, when that is no working day and the period runs on to `lastDay`.
    public var movedFrom: CivilDate? {
        let nominal = from.adding(days: 7 * weeks)
        return nominal < lastDay ? nominal : nil
    }
}
