import ForloebCore
import Testing

/// No case can wait without something coming due: walking the typed machine, every non-final state is
/// reachable, and a case in it has an open deadline or an idle threshold in the policy.
@Suite struct NoSilentStallTests {
    static let nonFinal = CaseState.allCases.filter { !$0.isFinal }

    @Test func everyStateIsReachable() throws {
        let explorer = JourneyExplorer(journey: try JourneyFixture.journey())
        #expect(Set(explorer.representatives.keys) == Set(CaseState.allCases))
        for (state, c) in explorer.representatives {
            #expect(c.state == state)
        }
        #expect(explorer.edges.contains { $0.from == nil && $0.event == .caseOpened && $0.to == .requested })
        // Every event type the machine ever accepts is seen by the walk (only an extension never is, R4).
        #expect(Set(explorer.edges.map(\.event)) == Set(EventType.allCases).subtracting([.courseExtensionRequested]))
        #expect(explorer.acceptedEvents(in: .active).contains(.internshipExtended))
        #expect(explorer.acceptedEvents(in: .active).contains(.sanctionDecided))
    }

    @Test(arguments: [nil, "halsnaes"])
    func everyNonFinalStateHasADeadlineOrAnIdleThreshold(policyFile: String?) throws {
        let journey = try JourneyFixture.journey(policyFile: policyFile)
        let explorer = JourneyExplorer(journey: journey)
        for state in Self.nonFinal {
            let c = try #require(explorer.representatives[state], "\(state) is not reachable")
            let deadlines = journey.deadlines(for: c)
            let idle = journey.policy.idleThreshold(state)
            #expect(!deadlines.isEmpty || idle != nil, "\(state) could wait forever")
            // The policy watches every non-final state; a running course always has its end ahead of it.
            #expect(idle.map { $0 > 0 } == true, "\(state) has no idle threshold")
            if state.hasRunningCourse {
                #expect(deadlines.contains { $0.kind == .courseEnd })
                #expect(deadlines.contains { $0.kind == .followup })
            }
            if state == .awaitingDecision || state == .preEndAwaitingDecision {
                #expect(deadlines.contains { $0.kind == .decisionDue })
            }
        }
        for state in CaseState.allCases where state.isFinal {
            let c = try #require(explorer.representatives[state])
            #expect(journey.deadlines(for: c).isEmpty, "\(state) has ended and waits for nothing")
        }
    }

    @Test func fromEveryNonFinalStateAnEndIsReachable() throws {
        let explorer = JourneyExplorer(journey: try JourneyFixture.journey())
        var reachesEnd: Set<CaseState> = Set(CaseState.allCases.filter(\.isFinal))
        var changed = true
        while changed {
            changed = false
            for edge in explorer.edges {
                if let from = edge.from, reachesEnd.contains(edge.to), reachesEnd.insert(from).inserted {
                    changed = true
                }
            }
        }
        #expect(reachesEnd == Set(CaseState.allCases))
        // Every non-final state can be closed for an outside reason.
        for state in Self.nonFinal {
            #expect(explorer.edges.contains { $0.from == state && $0.event == .caseClosed && $0.to == .closed })
        }
    }

    /// Only an appeal moves a finished case: a decision set aside is taken again (§6.4). A closed case ended for an
    /// outside reason, and nothing reopens it.
    @Test func finalStatesAcceptNothingThatMovesThemButAnAppeal() throws {
        let explorer = JourneyExplorer(journey: try JourneyFixture.journey())
        for edge in explorer.edges {
            if let from = edge.from, from.isFinal, from != edge.to, !edge.event.isAppeal {
                Issue.record("\(from) moved on \(edge.event)")
            }
        }
        #expect(explorer.acceptedEvents(in: .closed).allSatisfy { $0.isAppeal })
        #expect(!explorer.edges.contains { $0.from == .closed && $0.to != .closed })
        for state in CaseState.allCases where state.isFinal && state != .closed {
            #expect(
                explorer.edges.contains { $0.from == state && $0.event == .appealDecided && !$0.to.isFinal },
                "\(state) reopens when Ankestyrelsen sets its decision aside")
        }
        #expect(explorer.acceptedEvents(in: .active).contains(.teamReferred))
        #expect(explorer.acceptedEvents(in: .active).contains(.decisionMade))
    }
}
