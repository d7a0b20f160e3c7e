/// The languages `forloeb explain` speaks: Danish for the citizen, English for everyone else.
public enum NarrationLanguage: String, Sendable, CaseIterable {
    case da, en

    var wording: any NarrationWording {
        switch self {
        case .da: DanishWording()
        case .en: EnglishWording()
        }
    }
}
