/// Where an appeal is: with the municipality, with Ankestyrelsen, or decided (the wire `status` in `show`).
public enum AppealStatus: String, Sendable, Codable, CaseIterable {
    /// Received; the municipality reconsiders it (`appeal_reconsideration` runs).
    case lodged
    /// The municipality upheld its decision and sent the appeal on to Ankestyrelsen.
    case forwarded
    /// The municipality gave the citizen right on reconsideration: the decision is set aside.
    case changedOnReconsideration = "changed_on_reconsideration"
    /// Ankestyrelsen's rulings (`AppealRuling`).
    case upheld, changed, annulled, remitted

    /// Whether the appeal still waits for the municipality or for Ankestyrelsen.
    public var isOpen: Bool { self == .lodged || self == .forwarded }

    init(_ ruling: AppealRuling) {
        switch ruling {
        case .upheld: self = .upheld
        case .changed: self = .changed
        case .annulled: self = .annulled
        case .remitted: self = .remitted
        }
    }
}
