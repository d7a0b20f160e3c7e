/// One accepted event as `explain` tells it: when it happened, what it meant, and the sentence in the story's
/// language.
public struct StoryLine: Sendable, Equatable {
    public var messageId: String
    public var occurredAt: Instant
    /// The date in Denmark the event happened: the date the line is told under.
    public var date: CivilDate
    public var fact: StoryFact
    /// The sentence, without its date.
    public var text: String
    /// The line as `explain` prints it: the date in prose, then the sentence.
    public var sentence: String
}
