/// The SQL of the migrations for SQLite: the tables of `StoreSchema.shared`; 005 and 006 are PostgreSQL's own.
extension StoreSchema {
    static func sqlite(_ migration: StoreMigration) -> String {
        switch migration {
        case .eventLog, .deadlinesAndOutbox, .auditAndDeadLetters, .rejectionIndexes, .enumChecks, .auditIdentity, .pendingActions,
            .operatorCounters, .rejectionCounts:
            shared(migration, .sqlite).joined(separator: ";\n")
        case .enumChecksCompared:
            // The refresh after the migrations rewrites every check whose recorded values differ: all of them.
            "DELETE FROM forloeb_enum_checks"
        case .byteOrderKeys:
            // SQLite's default collation is BINARY: its keys have always compared byte by byte.
            ""
        case .caseChecksPerStatement:
            // SQLite keeps its foreign keys (an in-process index probe per row).
            ""
        }
    }
}
