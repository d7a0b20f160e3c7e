import ForloebCore
import Foundation
import Testing

@testable import ForloebStore

/// The row types read their columns by name and never make up a value: anything they do not know is a `corrupt`
/// error naming the table, the row's key, the column and the value.
@Suite struct StoreRowTests {
    /// A row of named values, as a back end would hand it over.
    struct MemoryRow: StoreRow, @unchecked Sendable {
        var values: [String: Any?]

        func value<T>(_ column: String, as type: T.Type) throws -> T? {
            guard let value = values[column] else { throw MissingColumn(column) }
            guard let value else { return nil }
            guard let typed = value as? T else { throw MissingColumn("\(column) as \(T.self)") }
            return typed
        }

        func text(_ column: String) throws -> String? { try value(column, as: String.self) }
        func integer(_ column: String) throws -> Int64? { try value(column, as: Int64.self) }
        func boolean(_ column: String) throws -> Bool? { try value(column, as: Bool.self) }
        func bytes(_ column: String) throws -> Data? { try value(column, as: Data.self) }
    }

    static var summary: [String: Any?] {
        [
            "case_id": "K-1", "state": "active", "municipality": "0260", "caseworker": nil, "course_number": Int64(1),
            "course_end": "2027-01-31", "version": Int64(4), "last_event_at": Int64(1_700_000_000),
        ]
    }

    @Test func aKnownRowDecodesByName() throws {
        let summary = try CaseSummary(row: MemoryRow(values: Self.summary))
        #expect(summary.state == .active)
        #expect(summary.courseEnd == CivilDate(iso: "2027-01-31"))
        #expect(summary.caseworker == nil)
    }

    @Test func anUnknownStateIsCorruptNotRequested() {
        var values = Self.summary
        values["state"] = "limbo"
        #expect {
            try CaseSummary(row: MemoryRow(values: values))
        } throws: { error in
            let error = error as? StoreError
            return error?.code == .corrupt
                && error?.corruption == .init(table: "cases", key: "K-1", column: "state", value: "limbo")
        }
    }

    @Test func aNullWhereAValueIsRequiredIsCorrupt() {
        var values = Self.summary
        values["municipality"] = .some(nil)
        #expect {
            try CaseSummary(row: MemoryRow(values: values))
        } throws: { error in
            (error as? StoreError)?.corruption == .init(table: "cases", key: "K-1", column: "municipality", value: nil)
        }
    }

    @Test func aMissingColumnIsCorruptWithItsCause() {
        var values = Self.summary
        values["version"] = nil
        #expect {
            try CaseSummary(row: MemoryRow(values: values))
        } throws: { error in
            let error = error as? StoreError
            return error?.corruption?.column == "version" && error?.cause is MissingColumn
        }
    }

    @Test func unknownEventTypesRuleSetsKindsCodesAndRulesAreCorrupt() {
        let history: [String: Any?] = [
            "case_id": "K-1", "position": Int64(2), "message_id": "m-2", "type": "case.teleported",
            "from_state": "requested", "to_state": "preparing", "occurred_at": Int64(0), "actor": "sb",
            "rule_set": "2022", "recorded_at": Int64(0),
        ]
        #expect(throws: StoreError.self) { try HistoryEntry(row: MemoryRow(values: history)) }
        var ruleSet = history
        ruleSet["type"] = "case.opened"
        ruleSet["rule_set"] = "1999"
        #expect {
            try HistoryEntry(row: MemoryRow(values: ruleSet))
        } throws: { error in
            (error as? StoreError)?.corruption
                == .init(table: "events", key: "K-1/2", column: "rule_set", value: "1999")
        }
        #expect(throws: StoreError.self) {
            try DueDeadline(
                row: MemoryRow(values: ["case_id": "K-1", "kind": "tea_break", "due_at": Int64(0)]))
        }
        let rejection: [String: Any?] = [
            "id": Int64(7), "message_id": "m", "attempt": Int64(1), "case_id": nil, "attached": false, "type": "x",
            "code": "malformed", "rule": "R99", "detail": "d", "occurred_at": nil, "recorded_at": Int64(0),
        ]
        #expect {
            try StoredRejection(row: MemoryRow(values: rejection))
        } throws: { error in
            (error as? StoreError)?.corruption == .init(table: "rejections", key: "7", column: "rule", value: "R99")
        }
        let deadLetter: [String: Any?] = [
            "id": Int64(3), "message_id": "m", "body": Data(), "code": "lost_in_the_post", "detail": "d",
            "received_at": Int64(0), "resolution": nil, "resolved_at": nil,
        ]
        #expect(throws: StoreError.self) { try DeadLetter(row: MemoryRow(values: deadLetter)) }
        var retried = deadLetter
        retried["code"] = "retry_exhausted"
        #expect((try? DeadLetter(row: MemoryRow(values: retried)))?.code == .retryExhausted)
    }

    @Test func theChecksListEveryValueOfTheEnums() {
        let checks = Dictionary(uniqueKeysWithValues: EnumCheck.all.map { ("\($0.table).\($0.column)", $0.values) })
        #expect(checks["cases.state"] == CaseState.allCases.map(\.rawValue))
        #expect(checks["deadlines.kind"] == DeadlineKind.allCases.map(\.rawValue))
        #expect(checks["notification_log.kind"] == DeadlineKind.allCases.map(\.rawValue))
        #expect(checks["events.type"] == EventType.allCases.map(\.rawValue))
        #expect(checks["rejections.code"] == RejectionCode.allCases.map(\.rawValue))
        #expect(checks["dead_letters.code"]?.contains("retry_exhausted") == true)
        // A value added to an enum makes its check stale, and only that one.
        var recorded = Dictionary(uniqueKeysWithValues: EnumCheck.all.map { ($0.name, $0.allowed) })
        #expect(EnumCheck.stale(recorded: recorded).isEmpty)
        recorded["deadlines_kind_known"] = "followup"
        #expect(EnumCheck.stale(recorded: recorded).map(\.table) == ["deadlines"])
    }
}
