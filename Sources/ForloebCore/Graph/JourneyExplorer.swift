/// Walks the typed machine from an empty case through every state it can reach, applying a sample of
/// every event type and variant, and records which events move a case from which state to which.
///
/// This is how the journey's diagram, the "what would move it on" hints of `stuck` and the no-silent-stall
/// proof are derived from the transition function itself rather than from a table kept beside it.
public struct JourneyExplorer: Sendable {
    /// An accepted step: `from` (`nil`: no case yet) --event (variant)--> `to`.
    public struct Edge: Hashable, Sendable, Comparable {
        public var from: CaseState?
        public var event: EventType
        public var variant: String?
        public var to: CaseState

        public static func < (lhs: Edge, rhs: Edge) -> Bool {
            let l = (
                lhs.from.map { CaseState.allCases.firstIndex(of: $0)! } ?? -1, lhs.event.rawValue, lhs.variant ?? "",
                CaseState.allCases.firstIndex(of: lhs.to)!
            )
            let r = (
                rhs.from.map { CaseState.allCases.firstIndex(of: $0)! } ?? -1, rhs.event.rawValue, rhs.variant ?? "",
                CaseState.allCases.firstIndex(of: rhs.to)!
            )
            return l < r
        }
    }

    public let edges: [Edge]
    /// The first case found in each reachable state.
    public let representatives: [CaseState: CitizenCase]

    /// Where every walk starts: a date under the seeds' law, when every state can still be reached.
    public static let firstEra = CivilDate(year: 2023, month: 3, day: 1)!

    /// The days from which what the machine accepts changes: the first era and each abolition date of the
    /// rule sets (the 2026 reform), earliest first.
    public static func eras(of journey: Journey) -> [CivilDate] {
        var days: Set<CivilDate> = [firstEra]
        for ruleSet in journey.rules.ruleSets {
            guard let gone = ruleSet.abolitions else { continue }
            days.formUnion([gone.coursesOn, gone.teamOn, gone.jobcentreOn].filter { $0 > firstEra })
        }
        return days.sorted()
    }

    /// Everything the machine accepts in any era: the union of `init(journey:on:)` over `eras(of:)`. This is
    /// what the diagram draws and what the no-silent-stall proof checks.
    public init(journey: Journey) {
        let walks = Self.eras(of: journey).map { JourneyExplorer(journey: journey, on: $0) }
        self.edges = Set(walks.flatMap(\.edges)).sorted()
        var representatives: [CaseState: CitizenCase] = [:]
        for walk in walks { representatives.merge(walk.representatives) { first, _ in first } }
        self.representatives = representatives
    }

    /// What the machine accepts from `date` on. Cases reach every state under the seeds' law first (a case
    /// waiting for the team on the day the team goes exists only because it was referred before), then every
    /// event is dated `date` or later, so that a reform's abolitions show in what moves each state on.
    public init(journey: Journey, on date: CivilDate) {
        var seeds: [CitizenCase?] = [nil]
        if date > Self.firstEra {
            let before = JourneyExplorer(journey: journey, startingOn: Self.firstEra, seeds: [nil], recording: false)
            seeds += before.reached.map { Optional($0) }
        }
        self = JourneyExplorer(journey: journey, startingOn: date, seeds: seeds, recording: true)
    }

    /// Every case shape the walk reached (for seeding a later era's walk).
    private var reached: [CitizenCase] = []

    private init(journey: Journey, startingOn start: CivilDate, seeds: [CitizenCase?], recording: Bool) {
        var edges: Set<Edge> = []
        var representatives: [CaseState: CitizenCase] = [:]
        var reached: [CitizenCase] = []
        var explored: Set<String> = []
        var queue = seeds
        var sequence = 0
        while !queue.isEmpty {
            let current = queue.removeFirst()
            // The seeding walk moves a day a step; a recording walk stays on its era's first day, so that what
            // it records is what the law of that era accepts (a step must not carry it into the next era).
            let next = current.map { $0.lastEventAt.adding(seconds: 86_400) } ?? start.startInstant
            let at = recording ? max(start.startInstant, current?.lastEventAt ?? start.startInstant) : next
            for sample in SampleEvent.all(at: at.date, in: current) {
                // A sample that needs earlier events in the same state gets them first, on a copy of the case.
                var base = current
                var ready = true
                for event in sample.setup {
                    sequence += 1
                    let envelope = EventEnvelope(
                        messageId: "explore-\(sequence)", caseId: "EXPLORE", occurredAt: at, actor: "explorer",
                        event: event)
                    guard case .success(let prepared) = journey.apply(envelope, to: base), prepared.to == current?.state
                    else {
                        ready = false
                        break
                    }
                    base = prepared.after
                }
                guard ready else { continue }
                sequence += 1
                let envelope = EventEnvelope(
                    messageId: "explore-\(sequence)", caseId: "EXPLORE", occurredAt: at, actor: "explorer",
                    event: sample.event)
                guard case .success(let transition) = journey.apply(envelope, to: base) else { continue }
                if recording {
                    edges.insert(
                        Edge(from: current?.state, event: sample.event.type, variant: sample.variant, to: transition.to))
                }
                if representatives[transition.to] == nil { representatives[transition.to] = transition.after }
                if explored.insert(Self.shape(of: transition.after)).inserted {
                    queue.append(transition.after)
                    reached.append(transition.after)
                }
            }
        }
        self.edges = edges.sorted()
        self.representatives = representatives
        self.reached = reached
    }

    /// What distinguishes cases in the same state for what they accept next: the recommendation awaiting a
    /// decision and whether the team has reconsidered it (R2), a review the team owes a running course (§6.2),
    /// which half of R19's basis the case has, and where setting its latest decision aside would return it.
    /// Bounded, so the walk ends.
    static func shape(of c: CitizenCase) -> String {
        // R19's basis: which of the description and the health advice the case has in its current state.
        let basis = "\(c.descriptionCompletedOn != nil):\(c.healthAdviceGivenOn != nil)"
        // Where an appeal of the latest decision would return the case (§6.4).
        let reopens = c.decisions?.last(where: { $0.kind != .sanction })?.reopens?.phase.state.rawValue ?? "-"
        return switch c.phase {
        case .awaitingTeam(let round), .preEndAwaitingTeam(_, let round):
            "\(c.state.rawValue):\(round.rereferredFrom != nil):\(basis)"
        case .awaitingDecision(let r), .preEndAwaitingDecision(_, let r):
            "\(c.state.rawValue):\(r.step.rawValue):\(r.afterRereferral):\(basis)"
        case .active(let course):
            "active:\(course.reviewMeetingOn != nil):\(basis):\(reopens)"
        default:
            "\(c.state.rawValue):\(basis):\(reopens)"
        }
    }

    /// The event types accepted in `state`, for telling an operator what would move a case on.
    public func acceptedEvents(in state: CaseState) -> [EventType] {
        var seen: Set<EventType> = []
        return edges.filter { $0.from == state }.map(\.event).filter { seen.insert($0).inserted }
    }

    /// The edges that change the state, grouped by (from, event, to) with their variants joined.
    public func transitions() -> [(from: CaseState?, label: String, to: CaseState)] {
        var grouped: [(from: CaseState?, event: EventType, to: CaseState, variants: [String])] = []
        for edge in edges where edge.from != edge.to {
            if let index = grouped.firstIndex(where: {
                $0.from == edge.from && $0.event == edge.event && $0.to == edge.to
            }) {
                if let variant = edge.variant { grouped[index].variants.append(variant) }
            } else {
                grouped.append((edge.from, edge.event, edge.to, edge.variant.map { [$0] } ?? []))
            }
        }
        return grouped.map { group in
            let label =
                group.variants.isEmpty
                ? group.event.rawValue : "\(group.event.rawValue) (\(group.variants.joined(separator: " | ")))"
            return (group.from, label, group.to)
        }
    }
}
