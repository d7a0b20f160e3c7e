import ForloebStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The engine's statements on one PostgreSQL connection: `?` numbered `$1 …`, values bound as postgres-nio's
/// types (lists as arrays, for `= ANY(?)`), errors mapped to `StoreError` with the driver's error as cause.
struct PostgresSession: StoreSession {
    let connection: PostgresConnection
    let logger: Logger

    init(_ connection: PostgresConnection, _ logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static func query(_ statement: StoreStatement) -> PostgresQuery {
        var sql = ""
        var number = 0
        for character in statement.sql {
            if character == "?" {
                number += 1
                sql += "$\(number)"
            } else {
                sql.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: statement.arguments.count)
        for argument in statement.arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            case .bytes(let value): bindings.append(ByteBuffer(bytes: value))
            case .bool(let value): bindings.append(value)
            case .texts(let values): bindings.append(values)
            case .integers(let values): bindings.append(values)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    private func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw PostgresDriver.map(error)
        }
    }

    func rows(_ statement: StoreStatement) async throws -> [any StoreRow] {
        try await mapped {
            var rows: [any StoreRow] = []
            var read = PostgresResultReader()
            for try await row in try await connection.query(Self.query(statement), logger: logger) {
                rows.append(read(row))
            }
            return rows
        }
    }

    func execute(_ statement: StoreStatement) async throws -> Int {
        try await mapped {
            let future: EventLoopFuture<PostgresQueryResult> = connection.query(Self.query(statement), logger: logger)
            return try await future.get().metadata.rows ?? 0
        }
    }
}
