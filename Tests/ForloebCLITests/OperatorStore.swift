import ForloebTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway SQLite store for the operator verbs' tests, filled through `forloeb import` as a user would,
/// with the clock fixed by FORLOEB_NOW so that "overdue" and "idle" do not depend on the day the tests run.
struct OperatorStore {
    static let now = "2026-11-23T12:00:00Z"

    let folder: URL
    /// The clock the verbs see (FORLOEB_NOW).
    let now: String
    var path: String { folder.appendingPathComponent("store.sqlite").path }
    var environment: [String: String] { ["FORLOEB_STORE": "sqlite:\(path)", "FORLOEB_NOW": now, "NO_COLOR": "1"] }

    init(now: String = OperatorStore.now) throws {
        self.now = now
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("forloeb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A store holding `lines` (one event per line), imported.
    static func with(_ lines: [String], now: String = OperatorStore.now) throws -> OperatorStore {
        let store = try OperatorStore(now: now)
        try store.importLines(lines)
        return store
    }

    func importLines(_ lines: [String]) throws {
        let result = try run(["import", "-"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "import failed: \(result.stderr)")
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> ForloebProcess.Result {
        try ForloebProcess.run(arguments, environment: environment, stdin: stdin)
    }

    /// Runs a `--json` verb, expects exit 0 and returns the document as a dictionary.
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments) failed: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(result.stdout)")
    }

    /// Whether a second operating-system identity can act on this store: the tests run as root, so that `runAs`
    /// can run the binary as `nobody` (four eyes on SQLite needs two users; without root that part is skipped).
    static var hasSecondIdentity: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") }

    /// Runs `forloeb` as the operating-system user `user` (root only), after letting every user write the store.
    func run(as user: String, _ arguments: [String]) throws -> ForloebProcess.Result {
        for suffix in ["", "-wal", "-shm"] { chmod(path + suffix, 0o666) }
        chmod(folder.path, 0o777)
        let assignments = environment.map { "\($0.key)=\($0.value)" }
        return try ForloebProcess.run(
            ["-u", user, "--", "/usr/bin/env"] + assignments + [ForloebProcess.executable.path] + arguments,
            executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// One event in the contract's wire format (CONTRACT.md §1).
    static func event(_ messageId: String, _ caseId: String, _ type: String, _ at: String, _ data: String) -> String {
        #"{"messageId":"\#(messageId)","caseId":"\#(caseId)","type":"\#(type)","occurredAt":"\#(at)T09:00:00Z","actor":"sb-1","data":\#(data)}"#
    }

    static let opened = #"{"birthDate":"1980-05-01","municipality":"0260","origin":"municipality","incomeBasis":"kontanthjaelp"}"#
    static let assessed = #"{"outcome":"in_target_group","reason":"complex problems"}"#

    static func referred(meeting: String) -> String { #"{"meetingDate":"\#(meeting)","consideredEfforts":["mentor"]}"# }

    static let recommended = #"{"recommendation":"ressourceforloeb","durationMonths":12}"#

    /// The clock of `stuckScenario`: a year before the sample's, when the team still sat (it went on 2026-07-01),
    /// so that a case can wait for a decision on its recommendation.
    static let stuckScenarioNow = "2025-11-23T12:00:00Z"

    /// Five cases at `stuckScenarioNow`: OVR (a course that ended 2023-03-01 with no next step), DEC (a decision
    /// due 2025-11-19, four days overdue, not idle), IDLE (preparing since 2025-07-15, threshold 60 days),
    /// FRESH (opened three days ago) and DONE (refused: final).
    static let stuckScenario: [String] = [
        event("OVR-1", "OVR", "case.opened", "2022-01-10", opened),
        event("OVR-2", "OVR", "target_group.assessed", "2022-01-20", assessed),
        event("OVR-3", "OVR", "team.referred", "2022-01-27", referred(meeting: "2022-02-10")),
        event("OVR-4", "OVR", "team.recommended", "2022-02-10", recommended),
        event(
            "OVR-5", "OVR", "decision.made", "2022-02-15",
            #"{"outcome":"ressourceforloeb","startDate":"2022-03-01","durationMonths":12}"#),
        event("DEC-1", "DEC", "case.opened", "2025-10-20", opened),
        event("DEC-2", "DEC", "target_group.assessed", "2025-10-22", assessed),
        event("DEC-3", "DEC", "team.referred", "2025-10-25", referred(meeting: "2025-11-05")),
        event("DEC-4", "DEC", "team.recommended", "2025-11-05", recommended),
        event("IDLE-1", "IDLE", "case.opened", "2025-07-01", opened),
        event("IDLE-2", "IDLE", "target_group.assessed", "2025-07-15", assessed),
        event("FRESH-1", "FRESH", "case.opened", "2025-11-20", opened),
        event("DONE-1", "DONE", "case.opened", "2024-01-10", opened),
        event("DONE-2", "DONE", "target_group.assessed", "2024-01-20", #"{"outcome":"not_in_target_group","reason":"able to work"}"#),
    ]
}
