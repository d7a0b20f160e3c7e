/// The stored form of a case snapshot, written without Codable.
///
/// Byte-identical to `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` over the synthesised `Codable`
/// conformances (members in case-insensitive key order, optionals left out when absent, `Phase` as
/// `{"case":{"_0":…,"_1":…}}`), which is how snapshots were always stored and how they are still decoded. The
/// worker writes one snapshot per touched case per batch, so this is on its hot path.
extension CitizenCase {
    /// The snapshot's JSON text, as the store keeps it.
    public func canonicalJSON() -> String {
        var writer = CanonicalJSONWriter(capacity: 1024)
        write(to: &writer)
        return writer.string
    }

    public func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            if let appeals { w.member("appeals") { w in w.array(appeals) { w, appeal in appeal.write(to: &w) } } }
            w.member("caseId", caseId)
            w.member("citizen") { citizen.write(to: &$0) }
            w.member("courseNumber", courseNumber)
            if let decisions {
                w.member("decisions") { w in w.array(decisions) { w, decision in decision.write(to: &w) } }
            }
            w.member("descriptionCompletedOn", ifPresent: descriptionCompletedOn)
            w.member("futilityDocumented", futilityDocumented)
            w.member("grantedMonthsTotal", grantedMonthsTotal)
            w.member("healthAdviceGivenOn", ifPresent: healthAdviceGivenOn)
            if let lastDecision { w.member("lastDecision") { lastDecision.write(to: &$0) } }
            w.member("lastEventAt", lastEventAt)
            w.member("openedAt", openedAt)
            w.member("phase") { phase.write(to: &$0) }
            w.member("version", version)
        }
    }
}

extension Citizen {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("birthDate", birthDate)
            w.member("incomeBasis", incomeBasis.rawValue)
            w.member("municipality", municipality)
            w.member("origin", origin.rawValue)
            if let priorCourses {
                w.member("priorCourses") { w in
                    w.array(priorCourses) { w, course in
                        w.object { w in
                            w.member("months", course.months)
                            w.member("startDate", course.startDate)
                        }
                    }
                }
            }
        }
    }
}

extension DecisionRecord {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("appealUntil", appealUntil)
            w.member("decidedOn", decidedOn)
            w.member("messageId", messageId)
            w.member("outcome", outcome)
            w.member("ruleSet", ruleSet.rawValue)
        }
    }
}

extension Appeal {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("decidedOn", ifPresent: decidedOn)
            w.member("decision", decision)
            w.member("lodgedBy", lodgedBy)
            w.member("receivedOn", receivedOn)
            w.member("reconsiderBy", reconsiderBy)
            w.member("reconsideredOn", ifPresent: reconsideredOn)
            if let reopened { w.member("reopened", reopened) }
            w.member("status", status.rawValue)
        }
    }
}

extension AppealableDecision {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("appealUntil", appealUntil)
            w.member("decidedOn", decidedOn)
            w.member("kind", kind.rawValue)
            w.member("messageId", messageId)
            w.member("notifiedOn", ifPresent: notifiedOn)
            w.member("outcome", outcome)
            if let reopens {
                w.member("reopens") { w in
                    w.object { w in
                        w.member("courseNumber", reopens.courseNumber)
                        w.member("futilityDocumented", reopens.futilityDocumented)
                        w.member("grantedMonthsTotal", reopens.grantedMonthsTotal)
                        w.member("phase") { reopens.phase.write(to: &$0) }
                    }
                }
            }
        }
    }
}

extension Phase {
    /// Swift's synthesised enum coding: the case name as the only key, its payloads as `_0`, `_1`.
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            switch self {
            case .requested: w.member("requested") { $0.object { _ in } }
            case .preparing: w.member("preparing") { $0.object { _ in } }
            case .awaitingTeam(let round):
                w.member("awaitingTeam") { w in w.object { w in w.member("_0") { round.write(to: &$0) } } }
            case .awaitingDecision(let recommendation):
                w.member("awaitingDecision") { w in w.object { w in w.member("_0") { recommendation.write(to: &$0) } } }
            case .active(let course):
                w.member("active") { w in w.object { w in w.member("_0") { course.write(to: &$0) } } }
            case .preEndAwaitingTeam(let course, let round):
                w.member("preEndAwaitingTeam") { w in
                    w.object { w in
                        w.member("_0") { course.write(to: &$0) }
                        w.member("_1") { round.write(to: &$0) }
                    }
                }
            case .preEndAwaitingDecision(let course, let recommendation):
                w.member("preEndAwaitingDecision") { w in
                    w.object { w in
                        w.member("_0") { course.write(to: &$0) }
                        w.member("_1") { recommendation.write(to: &$0) }
                    }
                }
            case .ended(let ending):
                w.member("ended") { w in w.object { w in w.member("_0", ending.rawValue) } }
            }
        }
    }
}

extension TeamRound {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("meetingDate", meetingDate)
            if let rereferredFrom { w.member("rereferredFrom") { rereferredFrom.write(to: &$0) } }
        }
    }
}

extension Recommendation {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("afterRereferral", afterRereferral)
            w.member("durationMonths", ifPresent: durationMonths)
            if let overruledOnAppeal { w.member("overruledOnAppeal", overruledOnAppeal) }
            w.member("recommendedOn", recommendedOn)
            w.member("step", step.rawValue)
        }
    }
}

extension Course {
    func write(to w: inout CanonicalJSONWriter) {
        w.object { w in
            w.member("absences") { w in
                w.array(absences) { w, absence in
                    w.object { w in
                        w.member("date", absence.date)
                        w.member("reasonableCause", absence.reasonableCause)
                    }
                }
            }
            if let caseworker {
                w.member("caseworker") { w in
                    w.object { w in
                        w.member("assignedOn", caseworker.assignedOn)
                        w.member("id", caseworker.id)
                        w.member("unit", caseworker.unit.rawValue)
                    }
                }
            }
            w.member("contactAttempts") { w in
                w.array(contactAttempts) { w, attempt in
                    w.object { w in
                        w.member("channel", attempt.channel.rawValue)
                        w.member("date", attempt.date)
                        w.member("reached", attempt.reached)
                    }
                }
            }
            w.member("end", end)
            w.member("firstEffortOn", ifPresent: firstEffortOn)
            w.member("firstMeetingFrom", ifPresent: firstMeetingFrom)
            w.member("firstMeetingOn", ifPresent: firstMeetingOn)
            if let internship {
                w.member("internship") { w in
                    w.object { w in
                        w.member("startDate", internship.startDate)
                        w.member("weeks", internship.weeks)
                    }
                }
            }
            w.member("lastMeetingOn", ifPresent: lastMeetingOn)
            if let lastReview {
                w.member("lastReview") { w in
                    w.object { w in
                        w.member("reviewedOn", lastReview.reviewedOn)
                        w.member("step", lastReview.step.rawValue)
                    }
                }
            }
            w.member("meetingsHeld", meetingsHeld)
            if let mentor {
                w.member("mentor") { w in
                    w.object { w in
                        w.member("endDate", mentor.endDate)
                        w.member("startDate", mentor.startDate)
                    }
                }
            }
            w.member("months", months)
            w.member("number", number)
            if let plan {
                w.member("plan") { w in
                    w.object { w in
                        w.member("goal", plan.goal)
                        w.member("periodMonths", plan.periodMonths)
                        w.member("setOn", plan.setOn)
                    }
                }
            }
            w.member("reviewMeetingOn", ifPresent: reviewMeetingOn)
            w.member("ruleSet", ruleSet.rawValue)
            w.member("sanctions", sanctions)
            w.member("start", start)
        }
    }
}
