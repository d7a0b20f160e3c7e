import ForloebCore

/// The journey laid out for the overview's SVG: one column per phase of the journey, the states of a phase
/// stacked in the contract's order, the transitions as curves between them.
///
/// Deterministic, so the picture is the same on every load and only the counts move: the states come from
/// `CaseState.allCases`, the lines from `JourneyExplorer.transitions()` (the transition function itself, as
/// `forloeb graph` draws it), and positions from a fixed grid.
struct JourneyMap: Sendable {
    struct Phase: Sendable {
        var name: String
        var x: Int
    }

    struct Node: Sendable {
        var state: String
        var count: Int
        var has: Bool
        var final: Bool
        var alert: Bool
        var href: String
        var x: Int, y: Int, w: Int, h: Int
        var textX: Int, nameY: Int, countY: Int
    }

    struct Edge: Sendable {
        var d: String
        var label: String
        /// A line leading back to an earlier phase (a renewed referral, a decision set aside on appeal): drawn
        /// faint and dashed, under the forward lines, so that the journey still reads left to right.
        var back: Bool
    }

    var width: Int
    var height: Int
    var phases: [Phase]
    var nodes: [Node]
    var edges: [Edge]

    /// The phases of the journey, left to right, and the states in each.
    static let columns: [(name: String, states: [CaseState])] = [
        ("request", [.requested]),
        ("preparation", [.preparing]),
        ("team and decision", [.awaitingTeam, .awaitingDecision]),
        ("course", [.active]),
        ("before the end", [.preEndAwaitingTeam, .preEndAwaitingDecision]),
        ("outcome", CaseState.allCases.filter(\.isFinal)),
    ]

    static let nodeWidth = 190
    static let nodeHeight = 48
    static let columnStep = 225
    static let rowStep = 62
    static let top = 40
    static let left = 20

    /// The map for `explorer`'s transitions with `counts` cases per state; `alerts` are the states holding stuck
    /// cases, drawn in red.
    init(explorer: JourneyExplorer, counts: [CaseState: Int], alerts: Set<CaseState>) {
        let tallest = Self.columns.map(\.states.count).max() ?? 1
        height = Self.top + tallest * Self.rowStep + 10
        width = Self.left * 2 + (Self.columns.count - 1) * Self.columnStep + Self.nodeWidth
        var place: [CaseState: (column: Int, x: Int, y: Int)] = [:]
        var phases: [Phase] = []
        var nodes: [Node] = []
        for (column, phase) in Self.columns.enumerated() {
            let x = Self.left + column * Self.columnStep
            phases.append(Phase(name: phase.name, x: x))
            // Centre a short column against the tallest one.
            let offset = (tallest - phase.states.count) * Self.rowStep / 2
            for (row, state) in phase.states.enumerated() {
                let y = Self.top + offset + row * Self.rowStep
                place[state] = (column, x, y)
                let count = counts[state] ?? 0
                nodes.append(
                    Node(
                        state: state.rawValue, count: count, has: count > 0, final: state.isFinal,
                        alert: alerts.contains(state),
                        href: state.isFinal ? "/" : "/stuck?state=\(state.rawValue)",
                        x: x, y: y, w: Self.nodeWidth, h: Self.nodeHeight, textX: x + 10, nameY: y + 18, countY: y + 39)
                )
            }
        }
        // One line per pair of states, however many events lead from one to the other; case.closed, which
        // leads from every open state to closed, would only hide the others.
        var labels: [(from: CaseState, to: CaseState, labels: [String])] = []
        for transition in explorer.transitions() {
            guard let from = transition.from, transition.to != .closed else { continue }
            if let index = labels.firstIndex(where: { $0.from == from && $0.to == transition.to }) {
                labels[index].labels.append(transition.label)
            } else {
                labels.append((from, transition.to, [transition.label]))
            }
        }
        edges = labels.compactMap { pair -> Edge? in
            guard let a = place[pair.from], let b = place[pair.to] else { return nil }
            return Edge(
                d: Self.path(from: a, to: b), label: pair.labels.joined(separator: "; "), back: b.column < a.column)
        }.sorted { $0.back && !$1.back }
        self.phases = phases
        self.nodes = nodes
    }

    /// A curve from box `a` to box `b`: forwards from right edge to left edge, backwards under both boxes,
    /// within a column down on the right and up on the left, so that a pair of opposite lines never overlaps.
    static func path(from a: (column: Int, x: Int, y: Int), to b: (column: Int, x: Int, y: Int)) -> String {
        let w = nodeWidth
        let h = nodeHeight
        if b.column > a.column {
            let (x1, y1, x2, y2) = (a.x + w, a.y + h / 2, b.x, b.y + h / 2)
            let bend = (x2 - x1) / 2
            return "M\(x1),\(y1) C\(x1 + bend),\(y1) \(x2 - bend),\(y2) \(x2),\(y2)"
        }
        if b.column < a.column {
            let (x1, y1, x2, y2) = (a.x + w / 2, a.y + h, b.x + w / 2, b.y + h)
            let dip = max(y1, y2) + 30
            return "M\(x1),\(y1) C\(x1),\(dip) \(x2),\(dip) \(x2),\(y2)"
        }
        if b.y > a.y {
            let (x, y1, y2) = (a.x + w, a.y + h / 2 + 6, b.y + h / 2 - 6)
            return "M\(x),\(y1) C\(x + 34),\(y1) \(x + 34),\(y2) \(x),\(y2)"
        }
        let (x, y1, y2) = (a.x, a.y + h / 2 - 6, b.y + h / 2 + 6)
        return "M\(x),\(y1) C\(x - 34),\(y1) \(x - 34),\(y2) \(x),\(y2)"
    }
}
