/// A case's history as `explain` tells it: a heading, one line per accepted event in date order, and where the
/// case stands now.
public struct CaseStory: Sendable, Equatable {
    public var caseId: String
    public var language: NarrationLanguage
    public var heading: String
    public var lines: [StoryLine]
    /// The case after its last accepted event; `nil` when no event was accepted (the case was never opened).
    public var current: CitizenCase?
    /// Where the case stands, as a sentence; `nil` without a case.
    public var status: String?

    /// The sentences, each starting with its date.
    public var sentences: [String] { lines.map(\.sentence) }

    /// The whole story as plain text: the heading, the lines, and the status ("Status" in both languages), one to a
    /// line.
    public var text: String {
        ([heading] + sentences + (status.map { ["Status: " + $0] } ?? []))
            .joined(separator: "\n") + "\n"
    }
}
