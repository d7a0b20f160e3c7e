/// Appeals (R14, CONTRACT.md §6.4): a decision can be appealed to the municipality within 4 weeks of the day the
/// citizen received it (retssikkerhedsloven § 67); the municipality reconsiders within 4 weeks (§ 66) and either
/// gives the citizen right or sends the appeal on to Ankestyrelsen, which upholds, changes, annuls or remits.
///
/// Sources: the reconsideration is retssikkerhedsloven § 66 (DUKH, "Praksisnyt 50 – Genvurdering i klagesager",
/// 2025), the 4-week period from the day the citizen was told of the decision § 67; Ankestyrelsen counts a
/// decision sent by digital post as received the same day and a letter 6 working days later (ast.dk,
/// "Klagefrister"), which is what `notifiedOn` carries.
///
/// What this engine chose where the contract leaves room (README, "Appeals"):
/// - Each decision can be appealed once: a second `appeal.lodged` on a decision whose appeal is open or decided
///   is `invalid_transition`. Ankestyrelsen is the last administrative instance ("du kan derfor ikke klage over
///   Ankestyrelsens afgørelser til en anden administrativ myndighed", dinretshjaelp.dk, "Forvaltningsafgørelser
///   – Klage"); what remains is the Ombudsman or the courts, outside the case's journey. Appeals of different
///   decisions run side by side. Ankestyrelsen's dispensation for a late appeal (ast.dk) is not modelled: a late
///   appeal is `appeal_out_of_time`.
/// - `appeal.reconsidered` and `appeal.decided` answer the oldest appeal waiting for them unless their optional
///   `decision` names one.
/// - A decision set aside returns the case to where it stood before that decision (`CaseStanding`), so the new
///   decision is judged on the same recommendation or running course, under the rules of its own date. When
///   Ankestyrelsen *changed* the decision, the municipality decides as Ankestyrelsen said, so R2 asks no renewed
///   referral to deviate from the team's recommendation (`Recommendation.overruledOnAppeal`).
/// - A decision that a later decision replaced may still be appealed and set aside (it governed the time
///   before the later one, e.g. the benefit paid), but it no longer decides where the case stands: the case is
///   not moved, and the appeal records `reopened: false`. No source we could read says otherwise; this is our
///   reading of the rule that a ruling binds only the decision it is about, while the later decision stands until
///   it is appealed itself. A closed case (death, emigration, withdrawal) is not
///   reopened either. A sanction set aside moves no state; its count on the course goes down.
extension Journey {
    func appeal(_ envelope: EventEnvelope, in next: inout CitizenCase, on date: CivilDate, under ruleSet: RuleSet)
        throws(Rejection)
    {
        var appeals = next.appeals ?? []
        switch envelope.event {
        case .appealLodged(let decisionId, let receivedOn):
            guard let decision = next.decisions?.first(where: { $0.messageId == decisionId }) else {
                throw Rejection(.invalidTransition, "the case has no appealable decision \(decisionId)")
            }
            guard receivedOn >= decision.decidedOn else {
                throw Rejection(
                    .invalidTransition,
                    "data.receivedOn: \(receivedOn) is before the decision of \(decision.decidedOn) was made")
            }
            if let earlier = appeals.first(where: { $0.decision == decisionId }) {
                throw Rejection(
                    .invalidTransition,
                    "the decision \(decisionId) was already appealed (received \(earlier.receivedOn), \(earlier.status.rawValue))")
            }
            guard receivedOn <= decision.appealUntil else {
                throw .law(
                    .appealOutOfTime, .r14,
                    "the appeal was received \(receivedOn); the period for the decision of \(decision.decidedOn) ended \(decision.appealUntil)"
                )
            }
            appeals.append(
                Appeal(
                    decision: decisionId, lodgedBy: envelope.messageId, receivedOn: receivedOn,
                    reconsiderBy: DanishCalendar.standard.addingWeeks(ruleSet.reconsiderationWeeks, to: receivedOn)))

        case .appealReconsidered(let outcome, let decisionId):
            let index = try waiting(.lodged, decisionId, in: appeals, envelope)
            appeals[index].reconsideredOn = date
            switch outcome {
            case .upheld:
                appeals[index].status = .forwarded
            case .changed:
                appeals[index].status = .changedOnReconsideration
                appeals[index].reopened = setAside(appeals[index].decision, in: &next, overruled: false)
            }

        case .appealDecided(let ruling, let decisionId):
            let index = try waiting(.forwarded, decisionId, in: appeals, envelope)
            appeals[index].decidedOn = date
            appeals[index].status = AppealStatus(ruling)
            if ruling.setsAside {
                appeals[index].reopened = setAside(appeals[index].decision, in: &next, overruled: ruling == .changed)
            }

        default:
            break
        }
        next.appeals = appeals
    }

    /// The appeal in `status` that `decisionId` names, or the oldest one in it.
    private func waiting(_ status: AppealStatus, _ decisionId: String?, in appeals: [Appeal], _ envelope: EventEnvelope)
        throws(Rejection) -> Int
    {
        let where_ = status == .lodged ? "waiting for the municipality's reconsideration" : "with Ankestyrelsen"
        guard
            let index = appeals.firstIndex(where: { $0.status == status && (decisionId == nil || $0.decision == decisionId) })
        else {
            let which = decisionId.map { " of the decision \($0)" } ?? ""
            throw Rejection(.invalidTransition, "\(envelope.type.rawValue): no appeal\(which) is \(where_)")
        }
        return index
    }

    /// Sets the decision aside; returns whether the case returned to where it stood before it.
    private func setAside(_ decisionId: String, in next: inout CitizenCase, overruled: Bool) -> Bool {
        guard let decisions = next.decisions, let position = decisions.firstIndex(where: { $0.messageId == decisionId })
        else { return false }
        let decision = decisions[position]
        guard let standing = decision.reopens else {
            // A sanction: it no longer counts on the running course.
            if var course = next.phase.course, course.sanctions > 0 {
                course.sanctions -= 1
                next.phase = next.phase.replacingCourse(with: course)
            }
            return false
        }
        let replaced = decisions[(position + 1)...].contains { $0.kind != .sanction }
        guard !replaced, next.state != .closed else { return false }
        next.phase = standing.phase.overruledOnAppeal(overruled)
        next.courseNumber = standing.courseNumber
        next.grantedMonthsTotal = standing.grantedMonthsTotal
        next.futilityDocumented = standing.futilityDocumented
        next.lastDecision = nil
        return true
    }

    /// Keeps every decision the citizen may appeal, with where the case stood before it.
    func recordAppealableDecision(
        _ envelope: EventEnvelope, before current: CitizenCase, after next: inout CitizenCase, on date: CivilDate,
        under ruleSet: RuleSet
    ) {
        let kind: DecisionKind
        let outcome: String
        switch envelope.event {
        case .decisionMade, .targetGroupAssessed:
            guard let made = next.lastDecision, made.messageId == envelope.messageId else { return }
            kind = envelope.type == .decisionMade ? .decision : .targetGroup
            outcome = made.outcome
        case .sanctionDecided:
            kind = .sanction
            outcome = "sanction"
        default:
            return
        }
        let notified = envelope.event.notifiedOn
        var decisions = next.decisions ?? []
        decisions.append(
            AppealableDecision(
                messageId: envelope.messageId, kind: kind, outcome: outcome, decidedOn: date, notifiedOn: notified,
                appealUntil: appealPeriodEnd(notified ?? date, ruleSet),
                reopens: kind == .sanction ? nil : CaseStanding(of: current)))
        next.decisions = decisions
    }

    /// A decision cannot reach the citizen before it was made.
    func checkNotifiedOn(_ event: CaseEvent, on date: CivilDate) throws(Rejection) {
        if let notified = event.notifiedOn, notified < date {
            throw Rejection(.malformed, "data.notifiedOn: \(notified) is before the decision's date \(date)")
        }
    }
}

extension CaseEvent {
    /// The day the citizen received the decision this event makes, where the case system said.
    var notifiedOn: CivilDate? {
        switch self {
        case .decisionMade(let decision): decision.notifiedOn
        case .sanctionDecided(_, let notifiedOn): notifiedOn
        default: nil
        }
    }
}

extension Phase {
    /// The same phase, its awaited recommendation marked as overruled by Ankestyrelsen when `overruled`.
    func overruledOnAppeal(_ overruled: Bool) -> Phase {
        guard overruled else { return self }
        switch self {
        case .awaitingDecision(var recommendation):
            recommendation.overruledOnAppeal = true
            return .awaitingDecision(recommendation)
        case .preEndAwaitingDecision(let course, var recommendation):
            recommendation.overruledOnAppeal = true
            return .preEndAwaitingDecision(course, recommendation)
        default:
            return self
        }
    }
}
