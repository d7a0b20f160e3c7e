import ForloebCore
import ForloebStore
import Foundation
import Logging

/// The store for several workers on several machines: the engine (`SQLCaseStore`) with PostgreSQL's dialect
/// (`PostgresDriver`), through postgres-nio.
public final class PostgresCaseStore: SQLCaseStore, @unchecked Sendable {
    private let postgres: PostgresDriver

    /// `callTimeout`: a minute is far above any call of the worker's (a batch commits in well under a second)
    /// and of the operators' verbs on a municipality's store. Only a silent network (no reset, no close) runs
    /// into it: a restarted or stopped server closes the connection, and that ends a call within seconds.
    /// `poolSize`: the most connections the store opens at once (`PostgresClient`'s pool); the worker sizes it
    /// from its options (`--store-connections`, `Deploy/PRODUCTION.md`).
    public convenience init(
        _ address: StoreURL.PostgresAddress, logger: Logger? = nil, callTimeout: Duration? = .seconds(60),
        poolSize: Int = 4
    ) {
        self.init(address, faults: .none, logger: logger, callTimeout: callTimeout, poolSize: poolSize)
    }

    /// The same with failures injected between a transaction's steps: for the package's tests only.
    package init(
        _ address: StoreURL.PostgresAddress, faults: StoreFaultHooks, logger: Logger? = nil,
        callTimeout: Duration? = .seconds(60), poolSize: Int = 4
    ) {
        let logger = logger ?? Logger(label: "forloeb.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        self.postgres = PostgresDriver(address, logger: logger, callTimeout: callTimeout, poolSize: poolSize)
        super.init(url: .postgres(address), driver: postgres, faults: faults)
    }

    /// Connects now, so that an unreachable server is reported at once (exit 3) rather than at first use.
    public func connect() async throws {
        try await postgres.connect()
    }
}
