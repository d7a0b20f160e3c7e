import ForloebCore
import ForloebStore
import ForloebViews
import Foundation
import Mustache

/// The console's pages, rendered from the store with the same view-building as the CLI's read verbs
/// (`ForloebViews`): the overview is `forloeb stats` and the journey, the stuck list is `forloeb stuck`, a case
/// is `forloeb show` and `forloeb explain`, the dead letters `forloeb dead-letters list`.
///
/// Independent of HTTP, so tests render each page against a seeded store without a server.
public struct ConsoleSite: Sendable {
    public let store: any CaseStore
    public let journey: Journey
    /// The moment the pages judge overdue and idle against: the clock, or FORLOEB_NOW in tests and demos.
    public let clock: @Sendable () -> Instant
    let templates: MustacheLibrary
    /// Built once: finding stuck cases explores the machine in each era of the law, too slow for every request.
    let finder: StuckCaseFinder
    let explorers: [(from: CivilDate, explorer: JourneyExplorer)]

    /// The hash of the inline style sheet, for the Content-Security-Policy: the only style the pages may use.
    public static let styleHash = hash(ofStyle: ConsoleTemplates.style)

    /// A CSP source for an inline style sheet: `sha256-` and the base64 of its SHA-256.
    public static func hash(ofStyle style: String) -> String {
        "sha256-" + Data(SHA256.digest(Array(style.utf8))).base64EncodedString()
    }

    public init(store: any CaseStore, journey: Journey, clock: @escaping @Sendable () -> Instant) throws {
        self.store = store
        self.journey = journey
        self.clock = clock
        var library = MustacheLibrary()
        for (name, text) in [
            ("layout", ConsoleTemplates.layout), ("overview", ConsoleTemplates.overview),
            ("stuck", ConsoleTemplates.stuck), ("case", ConsoleTemplates.casePage),
            ("deadLetters", ConsoleTemplates.deadLetters), ("problem", ConsoleTemplates.problem),
            ("diagram", ConsoleTemplates.diagram),
        ] {
            try library.register(text, named: name)
        }
        templates = library
        finder = StuckCaseFinder(store: store, journey: journey)
        explorers = JourneyExplorer.eras(of: journey).map { ($0, JourneyExplorer(journey: journey, on: $0)) }
    }

    /// The store's URL as the pages show it: never with its password.
    var storeLabel: String { store.url.redacted }

    // MARK: pages

    /// The journey with the cases in each state, overdue deadlines per kind, rejections per code over the last
    /// day and week, and the dead letters and outbox.
    public func overview() async -> ConsolePage {
        await page(title: "Overview", section: "overview") { now in
            let stats = StatsView(try await store.statistics(at: now), now: now)
            let stuck = try await StuckView.survey(finder, at: now)
            let explorer = explorers.last(where: { $0.from <= now.danishDate })?.explorer ?? explorers[0].explorer
            var counts: [CaseState: Int] = [:]
            for (state, cases) in stats.stateCounts { counts[state] = cases }
            let map = JourneyMap(explorer: explorer, counts: counts, alerts: Set(stuck.view.cases.map(\.state)))
            let overrun = stuck.view.cases.filter { $0.reasons.contains { $0.code == "overrun" } }.count
            let diagram = templates.render(map, withTemplate: "diagram") ?? ""
            return templates.render(
                [
                    "cases": stats.cases, "stuck": stuck.view.cases.count,
                    "overrun": Self.present(overrun > 0 ? overrun : nil),
                    "deadLetters": stats.deadLetters, "outboxPending": stats.outboxPendingText,
                    "appealsOpen": stats.appealsOpen,
                    "appealsOverdue": Self.present(stats.appealsOverdue > 0 ? stats.appealsOverdue : nil),
                    "outboxLag": Self.present(stats.outboxLagSeconds), "diagram": diagram,
                    "states": stats.stateCounts.map { ["state": $0.state.rawValue, "cases": $0.cases] },
                    "overdue": stats.overdueCounts.map { ["kind": $0.kind.rawValue, "deadlines": $0.deadlines] },
                    "rejections": stats.rejectionCounts.map {
                        ["code": $0.code, "lastDay": $0.lastDay, "lastWeek": $0.lastWeek] as [String: Any]
                    },
                ] as [String: Any], withTemplate: "overview")
        }
    }

    /// The stuck cases, as `forloeb stuck` finds them; `state` keeps one state's.
    public func stuck(state: CaseState? = nil) async -> ConsolePage {
        await page(title: "Stuck cases", section: "stuck") { now in
            let survey = try await StuckView.survey(finder, at: now, states: state.map { [$0] } ?? [])
            let cases: [[String: Any]] = survey.view.cases.map { entry in
                let overdue = entry.overdue
                return [
                    "caseId": entry.caseId, "href": Self.caseHref(entry.caseId), "state": entry.state.rawValue,
                    "overrun": entry.reasons.filter { $0.code == "overrun" }.map(\.summary),
                    "idle": entry.reasons.filter { $0.code == "idle" }.map(\.summary),
                    "hasOverdue": !overdue.isEmpty, "overdueCount": overdue.count,
                    "overdue": overdue.map {
                        ["kind": $0.kind?.rawValue ?? "-", "days": $0.days, "dueOn": $0.dueOn?.description ?? "-"]
                            as [String: Any]
                    },
                    "wouldMoveOn": entry.wouldMoveOn.map(\.rawValue),
                ]
            }
            return templates.render(
                [
                    "state": Self.present(state?.rawValue), "count": cases.count, "now": now.description,
                    "hasCases": !cases.isEmpty, "cases": cases,
                    "unreadable": survey.unreadable.map(\.message),
                ] as [String: Any], withTemplate: "stuck")
        }
    }

    /// One case: what `forloeb show` prints, and the Danish explanation `forloeb explain` tells.
    public func casePage(_ caseId: String) async -> ConsolePage {
        await page(title: "Case \(caseId)", section: "case") { now in
            guard let record = try await store.caseRecord(caseId) else {
                throw Missing(message: "There is no case \(caseId) in the store.")
            }
            let view = CaseView(record, now: now, journey: journey)
            let explanation = try await CaseExplanation.load(
                caseId, from: store, journey: journey, language: .da, now: now)
            let deadlines: [[String: Any]] = view.deadlines.map { d in
                let distance =
                    d.daysOverdue > 0
                    ? "\(d.daysOverdue) day(s) overdue"
                    : d.daysOverdue == 0 ? "due today" : "in \(-d.daysOverdue) day(s)"
                return [
                    "kind": d.kind.rawValue, "due": d.dueAt.danishDate.description, "distance": distance,
                    "class": d.overdue ? "bad" : "",
                ]
            }
            let history: [[String: Any]] = view.history.map { h in
                [
                    "position": h.position, "occurredAt": h.occurredAt.description, "type": h.type.rawValue,
                    "from": h.from?.rawValue ?? "-", "to": h.to.rawValue, "ruleSet": h.ruleSet.rawValue,
                    "actor": h.actor, "messageId": h.messageId,
                ]
            }
            let rejections: [[String: Any]] = view.rejections.map { r in
                [
                    "messageId": r.messageId, "type": r.type, "code": r.code.rawValue, "rule": r.rule?.rawValue ?? "-",
                    "attempt": r.attempt, "detail": r.detail,
                ]
            }
            let appeals: [[String: Any]] = view.appeals.map { a in
                let decided = [a.decisionOutcome, a.decidedOn?.description].compactMap { $0 }.joined(separator: " ")
                return [
                    "decision": a.decision, "decided": decided.isEmpty ? "-" : decided,
                    "receivedOn": a.receivedOn.description, "status": a.status.rawValue,
                    "due": a.deadline.map { "\($0.danishDate) (\(a.deadlineKind?.rawValue ?? "-"))" } ?? "-",
                    "overdue": a.deadline.map { $0 <= now } ?? false,
                    "reconsideredOn": a.reconsideredOn?.description ?? "-", "rulingOn": a.rulingOn?.description ?? "-",
                    "reopened": a.reopened.map { $0 ? "yes" : "no" } ?? "-",
                ]
            }
            let outbox: [[String: Any]] = view.pendingOutbox.map {
                ["messageId": $0.messageId, "routingKey": $0.routingKey, "createdAt": $0.createdAt.description]
            }
            return templates.render(
                [
                    "caseId": view.caseId, "state": view.state.rawValue, "overrun": view.overrun,
                    "municipality": view.municipality, "caseworker": view.caseworker ?? "-",
                    "course": view.courseNumber == 0 ? "-" : String(view.courseNumber),
                    "courseEnd": view.courseEnd?.description ?? "-", "version": view.version,
                    "openedAt": view.openedAt.description, "lastEventAt": view.lastEventAt.description,
                    "pendingNotifications": view.pendingNotifications, "deadlines": deadlines,
                    "explanation": explanation?.sentences ?? [], "status": Self.present(explanation?.status),
                    "history": history, "rejections": rejections,
                    "hasAppeals": !appeals.isEmpty, "appeals": appeals,
                    "hasOutbox": !outbox.isEmpty, "outbox": outbox,
                ] as [String: Any], withTemplate: "case")
        }
    }

    /// Every dead letter, open and settled, newest as the store lists them, with its body as text.
    public func deadLetters() async -> ConsolePage {
        await page(title: "Dead letters", section: "deadLetters") { _ in
            let letters = try await store.deadLetters(includeResolved: true, limit: 500).map(DeadLetterView.init)
            return templates.render(
                [
                    "count": letters.count,
                    "letters": letters.map { letter in
                        [
                            "id": String(letter.id), "messageId": letter.messageId, "code": letter.code.rawValue,
                            "detail": letter.detail, "receivedAt": letter.receivedAt.description,
                            "resolution": Self.present(letter.resolution?.rawValue),
                            "resolvedAt": Self.present(letter.resolvedAt?.description),
                            "body": letter.body.count > 4096 ? String(letter.body.prefix(4096)) + " …" : letter.body,
                        ] as [String: Any]
                    },
                ] as [String: Any], withTemplate: "deadLetters")
        }
    }

    /// A page for a path the console does not have.
    public func notFound() -> ConsolePage {
        problem(.notFound, heading: "Not found", message: "The console has no such page.", now: clock())
    }

    // MARK: rendering

    /// A failure that is the visitor's (a case that does not exist), not the store's.
    struct Missing: Error {
        var message: String
    }

    /// `body`'s HTML in the layout; a missing case is a 404 page, a store that fails a 503 page naming it
    /// (redacted), never the error's internals.
    func page(title: String, section: String, _ body: (Instant) async throws -> String?) async -> ConsolePage {
        let now = clock()
        do {
            let html = try await body(now) ?? ""
            return ConsolePage(
                status: .ok, title: title, html: layout(title: title, section: section, body: html, now: now))
        } catch let missing as Missing {
            return problem(.notFound, heading: "Not found", message: missing.message, now: now)
        } catch {
            return problem(
                .unavailable, heading: "The store is unavailable",
                message:
                    "The store \(storeLabel) could not be read. Try again; forloeb stats on the command line says more.",
                now: now)
        }
    }

    func problem(_ status: ConsolePage.Status, heading: String, message: String, now: Instant) -> ConsolePage {
        let body = templates.render(["heading": heading, "message": message], withTemplate: "problem") ?? ""
        return ConsolePage(
            status: status, title: heading, html: layout(title: heading, section: "", body: body, now: now))
    }

    func layout(title: String, section: String, body: String, now: Instant) -> String {
        templates.render(
            [
                "title": title, "style": ConsoleTemplates.style, "body": body, "store": storeLabel,
                "now": now.description, section: true,
            ] as [String: Any], withTemplate: "layout") ?? body
    }

    /// `value` for a template, or `false` when there is none, so that `{{#key}}` leaves its section out (an
    /// optional in an `Any` would render as "nil").
    static func present(_ value: (some Any)?) -> Any {
        value.map { $0 as Any } ?? false
    }

    /// The case page's address for `caseId`, escaped for a path segment.
    static func caseHref(_ caseId: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%")
        return "/cases/" + (caseId.addingPercentEncoding(withAllowedCharacters: allowed) ?? caseId)
    }
}
