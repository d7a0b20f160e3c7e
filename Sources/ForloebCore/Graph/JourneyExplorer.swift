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
                lhs.from.map { CaseState.allCases.firstIndex(of: $0)! } ?? -1, lhs.event.rawValue, lhs.variant ?? ""
            )
            let r = (
                rhs.from.map { CaseState.allCases.firstIndex(of: $0)! } ?? -1, rhs.event.rawValue, rhs.variant ?? ""
            )
            return l < r
        }
    }

    public let edges: [Edge]
    /// The first case found in each reachable state.
    public let representatives: [CaseState: CitizenCase]

    public init(journey: Journey, startingOn start: CivilDate = CivilDate(year: 2023, month: 3, day: 1)!) {
        var edges: Set<Edge> = []
        var representatives: [CaseState: CitizenCase] = [:]
        var explored: Set<String> = []
        var queue: [CitizenCase?] = [nil]
        var sequence = 0
        while !queue.isEmpty {
            let current = queue.removeFirst()
            let at = current.map { $0.lastEventAt.adding(seconds: 86_400) } ?? start.startInstant
            for sample in SampleEvent.all(at: at.date) {
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
                edges.insert(
                    Edge(from: current?.state, event: sample.event.type, variant: sample.variant, to: transition.to))
                if representatives[transition.to] == nil { representatives[transition.to] = transition.after }
                if explored.insert(Self.shape(of: transition.after)).inserted { queue.append(transition.after) }
            }
        }
        self.edges = edges.sorted()
        self.representatives = representatives
    }

    /// What distinguishes cases in the same state for what they accept next: the recommendation awaiting a
    /// decision and whether the team has reconsidered it (R2). Bounded, so the walk ends.
    static func shape(of c: CitizenCase) -> String {
        switch c.phase {
        case .awaitingTeam(let round), .preEndAwaitingTeam(_, let round):
            "\(c.state.rawValue):\(round.rereferredFrom != nil)"
        case .awaitingDecision(let r), .preEndAwaitingDecision(_, let r):
            "\(c.state.rawValue):\(r.step.rawValue):\(r.afterRereferral)"
        default:
            c.state.rawValue
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
