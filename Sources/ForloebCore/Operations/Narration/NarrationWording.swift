/// One language's words for a case's story: the facts are the narrator's, the sentences the wording's.
protocol NarrationWording: Sendable {
    /// The sentence for `fact`, on the line dated `day` (a date in the fact that is `day` is not repeated).
    func sentence(_ fact: StoryFact, on day: CivilDate) -> String
    /// A date in prose.
    func date(_ date: CivilDate) -> String
    func heading(caseId: String) -> String
    /// Where the case stands after its last accepted event; `overrun` when its course's end has passed with no
    /// decision on what follows (R5).
    func status(_ current: CitizenCase, overrun: Bool) -> String
    /// An appeal still open at the end of the story: where it waits, and until when.
    func openAppeal(_ appealed: AppealedDecision, _ appeal: Appeal) -> String
}

extension NarrationWording {
    /// A line of the story: its date, then its sentence.
    func line(_ date: CivilDate, _ text: String) -> String {
        self.date(date) + ": " + text
    }
}

extension Array where Element == String {
    /// "a", "a og b", "a, b og c": a list as prose joins it, with the language's word for "and".
    func joinedAsList(and word: String) -> String {
        switch count {
        case 0: ""
        case 1: self[0]
        default: dropLast().joined(separator: ", ") + " \(word) " + last!
        }
    }
}
