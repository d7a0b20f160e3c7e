/// One representative event of each type and variant, used to explore what the machine accepts.
///
/// The graph of the journey is not drawn by hand: `JourneyExplorer` applies every sample to a case in
/// every reachable state and keeps what the transition function accepts.
struct SampleEvent {
    /// `decision.made (fleksjob)`: the type and, where it matters, the variant.
    let variant: String?
    let event: CaseEvent
    /// Events the sample needs first in the same state (an internship before its extension); applied to a copy
    /// of the case and not recorded as edges.
    var setup: [CaseEvent] = []

    static func all(at date: CivilDate, in current: CitizenCase? = nil) -> [SampleEvent] {
        var samples: [SampleEvent] = [
            SampleEvent(
                variant: nil,
                event: .caseOpened(
                    Citizen(
                        birthDate: CivilDate(year: 1990, month: 1, day: 1)!, municipality: "0260",
                        origin: .citizenRequest, incomeBasis: .kontanthjaelp)))
        ]
        for outcome in TargetGroupOutcome.allCases {
            samples.append(
                SampleEvent(variant: outcome.rawValue, event: .targetGroupAssessed(outcome: outcome, reason: "sample")))
        }
        samples.append(
            SampleEvent(variant: nil, event: .teamReferred(meetingDate: date, consideredEfforts: ["mentor"])))
        samples.append(
            SampleEvent(variant: "review", event: .teamReferred(meetingDate: date, consideredEfforts: nil, purpose: .review)))
        for step in NextStep.allCases {
            samples.append(
                SampleEvent(
                    variant: step.rawValue,
                    event: .teamRecommended(recommendation: step, durationMonths: step.isCourse ? 12 : nil)))
        }
        samples.append(SampleEvent(variant: nil, event: .teamRereferred(reason: "sample", meetingDate: date)))
        for step in NextStep.allCases {
            samples.append(
                SampleEvent(
                    variant: step.rawValue,
                    event: .decisionMade(
                        // Førtidspension with its futility documented (R8), so that the sample citizen's age
                        // never hides an edge the law allows.
                        Decision(
                            outcome: .step(step), durationMonths: step.isCourse ? 12 : nil, citizenConsent: true,
                            obviouslyFutile: step == .foertidspension ? true : nil))))
        }
        samples.append(SampleEvent(variant: "refusal", event: .decisionMade(Decision(outcome: .refusal))))
        samples += [
            SampleEvent(variant: nil, event: .caseworkerAssigned(caseworkerId: "sb-1", unit: .jobcenter)),
            SampleEvent(variant: nil, event: .meetingHeld(date: date, channel: .inPerson)),
            SampleEvent(variant: nil, event: .planUpdated(periodMonths: 6, goal: "sample")),
            SampleEvent(variant: nil, event: .mentorAgreed(startDate: date, endDate: date.adding(months: 3))),
            SampleEvent(variant: nil, event: .effortStarted(startDate: date, area: .health, name: "sample")),
            SampleEvent(variant: nil, event: .internshipStarted(startDate: date, weeks: 13)),
            SampleEvent(variant: nil, event: .absenceRecorded(date: date, reasonableCause: true)),
            SampleEvent(variant: nil, event: .contactAttempted(date: date, channel: .phone, reached: true)),
            SampleEvent(
                variant: nil, event: .internshipExtended(weeks: 13),
                setup: [.internshipStarted(startDate: date, weeks: 13)]),
            SampleEvent(
                variant: nil, event: .sanctionDecided(absenceDate: date),
                setup: [
                    .absenceRecorded(date: date, reasonableCause: false),
                    .contactAttempted(date: date, channel: .phone, reached: true),
                ]),
            SampleEvent(variant: nil, event: .courseExtensionRequested),
            SampleEvent(variant: nil, event: .municipalityChanged(municipality: "0250")),
            SampleEvent(variant: nil, event: .caseClosed(reason: .withdrawn)),
            SampleEvent(variant: nil, event: .descriptionCompleted(date: date)),
            SampleEvent(variant: nil, event: .healthAdviceGiven(date: date)),
        ]
        samples += appeals(at: date, in: current)
        return samples
    }

    /// Appeals of the case's latest decision that moved its state (§6.4): lodging one, and each outcome that
    /// sets the decision aside, after the steps that lead to it. These draw the diagram's reopening edges.
    private static func appeals(at date: CivilDate, in current: CitizenCase?) -> [SampleEvent] {
        guard let decision = current?.decisions?.last(where: { $0.kind != .sanction }),
            !(current?.appeals ?? []).contains(where: { $0.decision == decision.messageId })
        else { return [] }
        let lodged = CaseEvent.appealLodged(decision: decision.messageId, receivedOn: date)
        var samples = [
            SampleEvent(variant: nil, event: lodged),
            SampleEvent(variant: "changed", event: .appealReconsidered(outcome: .changed), setup: [lodged]),
        ]
        for ruling in AppealRuling.allCases where ruling.setsAside {
            samples.append(
                SampleEvent(
                    variant: ruling.rawValue, event: .appealDecided(outcome: ruling),
                    setup: [lodged, .appealReconsidered(outcome: .upheld)]))
        }
        return samples
    }
}
