import Foundation

/// The snapshot read back from its stored JSON without `JSONDecoder`: the mirror of `CitizenCase+CanonicalJSON`,
/// with the same keys and the same rules as the synthesised `Decodable` conformances (a missing or `null`
/// optional is `nil`, a missing required member fails, unknown members are ignored).
///
/// Whatever this reader does not take (a value the writer would not write, a course whose stored end is not the
/// one its start and months give) fails it, and `init(storedJSON:)` decodes with `JSONDecoder` instead, so the
/// answer is always the one `Codable` gives; `CanonicalDecodingTests` checks the two agree.
extension CitizenCase {
    /// Decodes a stored snapshot: the canonical reader, else `JSONDecoder`.
    public init(storedJSON json: String) throws {
        if let value = try? CanonicalJSONReader.parse(json), let decoded = try? CitizenCase(canonical: .init(value)) {
            self = decoded
        } else {
            self = try JSONDecoder().decode(CitizenCase.self, from: Data(json.utf8))
        }
    }

    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            caseId: try o.string("caseId"), citizen: try Citizen(canonical: try o.object("citizen")),
            openedAt: try o.instant("openedAt"))
        phase = try Phase(canonical: try o.object("phase"))
        courseNumber = try o.int("courseNumber")
        grantedMonthsTotal = try o.int("grantedMonthsTotal")
        futilityDocumented = try o.bool("futilityDocumented")
        version = try o.int("version")
        lastEventAt = try o.instant("lastEventAt")
        lastDecision = try o.optionalObject("lastDecision").map(DecisionRecord.init(canonical:))
        descriptionCompletedOn = try o.optionalDate("descriptionCompletedOn")
        healthAdviceGivenOn = try o.optionalDate("healthAdviceGivenOn")
        decisions = try o.optionalObjects("decisions")?.map(AppealableDecision.init(canonical:))
        appeals = try o.optionalObjects("appeals")?.map(Appeal.init(canonical:))
    }
}

/// An object's members, looked up by key as `Decodable` looks them up.
struct CanonicalObject {
    typealias Unreadable = CanonicalJSONReader.Unreadable
    let members: [(key: String, value: CanonicalJSONReader.Value)]

    init(_ value: CanonicalJSONReader.Value) throws(Unreadable) {
        guard case .object(let members) = value else { throw Unreadable() }
        self.members = members
    }

    /// The member's value; `nil` when it is missing or `null`.
    func optional(_ key: String) -> CanonicalJSONReader.Value? {
        for member in members where member.key == key {
            if case .null = member.value { return nil }
            return member.value
        }
        return nil
    }

    /// The member read by `read`: `nil` when it is missing or `null`, unreadable when `read` does not take it.
    private func optional<T>(_ key: String, _ read: (CanonicalJSONReader.Value) -> T?) throws(Unreadable) -> T? {
        guard let value = optional(key) else { return nil }
        guard let read = read(value) else { throw Unreadable() }
        return read
    }

    /// The member read by `read`, which must be there.
    private func required<T>(_ key: String, _ read: (CanonicalJSONReader.Value) -> T?) throws(Unreadable) -> T {
        guard let value = try optional(key, read) else { throw Unreadable() }
        return value
    }

    func optionalString(_ key: String) throws(Unreadable) -> String? { try optional(key, \.string) }
    func string(_ key: String) throws(Unreadable) -> String { try required(key, \.string) }
    func optionalInt(_ key: String) throws(Unreadable) -> Int? { try optional(key, \.int) }
    func int(_ key: String) throws(Unreadable) -> Int { try required(key, \.int) }
    func optionalBool(_ key: String) throws(Unreadable) -> Bool? { try optional(key, \.bool) }
    func bool(_ key: String) throws(Unreadable) -> Bool { try required(key, \.bool) }
    func optionalDate(_ key: String) throws(Unreadable) -> CivilDate? {
        try optional(key) { $0.string.flatMap(CivilDate.init(iso:)) }
    }
    func date(_ key: String) throws(Unreadable) -> CivilDate {
        try required(key) { $0.string.flatMap(CivilDate.init(iso:)) }
    }
    func instant(_ key: String) throws(Unreadable) -> Instant {
        try required(key) { $0.string.flatMap(Instant.init(rfc3339:)) }
    }

    func value<Value: RawRepresentable<String>>(_ key: String) throws(Unreadable) -> Value {
        try required(key) { $0.string.flatMap(Value.init(rawValue:)) }
    }

    func optionalObject(_ key: String) throws(Unreadable) -> CanonicalObject? {
        try optional(key) { try? CanonicalObject($0) }
    }

    func object(_ key: String) throws(Unreadable) -> CanonicalObject {
        try required(key) { try? CanonicalObject($0) }
    }

    func optionalObjects(_ key: String) throws(Unreadable) -> [CanonicalObject]? {
        try optional(key) { value in
            guard case .array(let elements) = value else { return nil }
            return try? elements.map { (element) throws(Unreadable) in try CanonicalObject(element) }
        }
    }

    func objects(_ key: String) throws(Unreadable) -> [CanonicalObject] {
        guard let objects = try optionalObjects(key) else { throw Unreadable() }
        return objects
    }
}

extension CanonicalJSONReader.Value {
    var string: String? { if case .string(let text) = self { text } else { nil } }
    var int: Int? { if case .int(let number) = self { number } else { nil } }
    var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
}

extension Citizen {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            birthDate: try o.date("birthDate"), municipality: try o.string("municipality"),
            origin: try o.value("origin"),
            incomeBasis: try o.value("incomeBasis"),
            priorCourses: try o.optionalObjects("priorCourses")?.map { (p) throws(CanonicalJSONReader.Unreadable) in
                PriorCourse(startDate: try p.date("startDate"), months: try p.int("months"))
            })
    }
}

extension DecisionRecord {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            messageId: try o.string("messageId"), decidedOn: try o.date("decidedOn"), outcome: try o.string("outcome"),
            ruleSet: try o.value("ruleSet"), appealUntil: try o.date("appealUntil"))
    }
}

extension Appeal {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            decision: try o.string("decision"), lodgedBy: try o.string("lodgedBy"),
            receivedOn: try o.date("receivedOn"),
            reconsiderBy: try o.date("reconsiderBy"))
        status = try o.value("status")
        reconsideredOn = try o.optionalDate("reconsideredOn")
        decidedOn = try o.optionalDate("decidedOn")
        reopened = try o.optionalBool("reopened")
    }
}

extension AppealableDecision {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            messageId: try o.string("messageId"), kind: try o.value("kind"), outcome: try o.string("outcome"),
            decidedOn: try o.date("decidedOn"), notifiedOn: try o.optionalDate("notifiedOn"),
            appealUntil: try o.date("appealUntil"),
            reopens: try o.optionalObject("reopens").map(CaseStanding.init(canonical:)))
    }
}

extension CaseStanding {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        phase = try Phase(canonical: try o.object("phase"))
        courseNumber = try o.int("courseNumber")
        grantedMonthsTotal = try o.int("grantedMonthsTotal")
        futilityDocumented = try o.bool("futilityDocumented")
    }
}

extension Phase {
    /// Swift's synthesised enum coding: the case name as the only key, its payloads as `_0`, `_1`.
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        guard o.members.count == 1, let (name, payload) = o.members.first.map({ ($0.key, $0.value) }) else {
            throw CanonicalJSONReader.Unreadable()
        }
        let p = try CanonicalObject(payload)
        switch name {
        case "requested": self = .requested
        case "preparing": self = .preparing
        case "awaitingTeam": self = .awaitingTeam(try TeamRound(canonical: try p.object("_0")))
        case "awaitingDecision": self = .awaitingDecision(try Recommendation(canonical: try p.object("_0")))
        case "active": self = .active(try Course(canonical: try p.object("_0")))
        case "preEndAwaitingTeam":
            self = .preEndAwaitingTeam(
                try Course(canonical: try p.object("_0")), try TeamRound(canonical: try p.object("_1")))
        case "preEndAwaitingDecision":
            self = .preEndAwaitingDecision(
                try Course(canonical: try p.object("_0")), try Recommendation(canonical: try p.object("_1")))
        case "ended": self = .ended(try p.value("_0"))
        default: throw CanonicalJSONReader.Unreadable()
        }
    }
}

extension TeamRound {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            meetingDate: try o.date("meetingDate"),
            rereferredFrom: try o.optionalObject("rereferredFrom").map(Recommendation.init(canonical:)))
    }
}

extension Recommendation {
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            step: try o.value("step"), durationMonths: try o.optionalInt("durationMonths"),
            recommendedOn: try o.date("recommendedOn"), afterRereferral: try o.bool("afterRereferral"))
        overruledOnAppeal = try o.optionalBool("overruledOnAppeal")
    }
}

extension Course {
    /// A course's end is fixed by its start and months; one stored otherwise is left to `JSONDecoder`.
    init(canonical o: CanonicalObject) throws(CanonicalJSONReader.Unreadable) {
        self.init(
            number: try o.int("number"), start: try o.date("start"), months: try o.int("months"),
            ruleSet: try o.value("ruleSet"), firstMeetingFrom: try o.optionalDate("firstMeetingFrom"))
        guard end == (try o.date("end")) else { throw CanonicalJSONReader.Unreadable() }
        typealias Unreadable = CanonicalJSONReader.Unreadable
        caseworker = try o.optionalObject("caseworker").map { (c) throws(Unreadable) in
            Caseworker(id: try c.string("id"), unit: try c.value("unit"), assignedOn: try c.date("assignedOn"))
        }
        firstMeetingOn = try o.optionalDate("firstMeetingOn")
        lastMeetingOn = try o.optionalDate("lastMeetingOn")
        meetingsHeld = try o.int("meetingsHeld")
        plan = try o.optionalObject("plan").map { (p) throws(Unreadable) in
            EffortPlan(setOn: try p.date("setOn"), periodMonths: try p.int("periodMonths"), goal: try p.string("goal"))
        }
        mentor = try o.optionalObject("mentor").map { (m) throws(Unreadable) in
            MentorAgreement(startDate: try m.date("startDate"), endDate: try m.date("endDate"))
        }
        internship = try o.optionalObject("internship").map { (i) throws(Unreadable) in
            Internship(startDate: try i.date("startDate"), weeks: try i.int("weeks"))
        }
        firstEffortOn = try o.optionalDate("firstEffortOn")
        reviewMeetingOn = try o.optionalDate("reviewMeetingOn")
        lastReview = try o.optionalObject("lastReview").map { (r) throws(Unreadable) in
            CourseReview(step: try r.value("step"), reviewedOn: try r.date("reviewedOn"))
        }
        absences = try o.objects("absences").map { (a) throws(Unreadable) in
            Absence(date: try a.date("date"), reasonableCause: try a.bool("reasonableCause"))
        }
        contactAttempts = try o.objects("contactAttempts").map { (c) throws(Unreadable) in
            ContactAttempt(date: try c.date("date"), channel: try c.value("channel"), reached: try c.bool("reached"))
        }
        sanctions = try o.int("sanctions")
    }
}
