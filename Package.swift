// swift-tools-version: 6.1
import PackageDescription

/// forloeb: a workflow orchestrator for Danish municipal ressourceforløb cases.
///
/// The module graph shows the architecture: `ForloebCore` is pure (no I/O) and everything else depends on it,
/// never the reverse. `ForloebWorkflows` turns the YAML policy files in `Workflows/` into core values.
/// `ForloebViews` builds what the operator reads (a case, the stuck list, the figures, dead letters, the Danish
/// explanation) from the store's values, once, for both `ForloebCLI`'s read verbs and `ForloebConsole`, the
/// read-only web console (hummingbird with mustache templates), so that the two never disagree.
/// `ForloebCLI` holds the subcommands of the one executable, `forloeb`, and starts the console.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "forloeb",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "forloeb", targets: ["forloeb"]),
        .library(name: "ForloebCore", targets: ["ForloebCore"]),
        .library(name: "ForloebStore", targets: ["ForloebStore"]),
        .library(name: "ForloebAMQP", targets: ["ForloebAMQP"]),
        .executable(name: "forloeb-amqp-baseline", targets: ["forloeb-amqp-baseline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already in the graph through postgres-nio; the audit chain's SHA-256.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        // The console. Hummingbird's swift-configuration support is left out: the console takes its settings from
        // the command line like every other verb.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "ForloebCore", swiftSettings: swiftSettings),
        .systemLibrary(
            name: "CRabbitMQ",
            path: "Sources/CRabbitMQ",
            pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]
        ),
        .target(name: "ForloebAMQP", dependencies: ["CRabbitMQ"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "forloeb-amqp-baseline",
            dependencies: ["CRabbitMQ", "ForloebAMQP"],
            path: "Sources/Benchmarks/forloeb-amqp-baseline"
        ),
        .target(
            name: "ForloebWorkflows",
            dependencies: ["ForloebCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ForloebStore",
            dependencies: [
                "ForloebCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ForloebSQLite",
            dependencies: [
                "ForloebCore", "ForloebStore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface as GRDB links it: `SQLiteCursorRow` reads the stepped statement directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ForloebPostgres",
            dependencies: [
                "ForloebCore", "ForloebStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ForloebWorker",
            dependencies: [
                "ForloebCore", "ForloebStore", "ForloebAMQP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ForloebViews", dependencies: ["ForloebCore", "ForloebStore"], swiftSettings: swiftSettings),
        .target(
            name: "ForloebConsole",
            dependencies: [
                "ForloebCore", "ForloebStore", "ForloebViews",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ForloebCLI",
            dependencies: [
                "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite", "ForloebPostgres", "ForloebAMQP",
                "ForloebWorker", "ForloebViews", "ForloebConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "forloeb", dependencies: ["ForloebCLI"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "ForloebBenchmarks",
            dependencies: [
                "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite",
                .product(name: "Benchmark", package: "benchmark"),
                // The bare-SQL baselines of the operator benchmarks read the same SQLite file directly.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/Benchmarks/ForloebBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "forloeb-bench",
            dependencies: [
                "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite", "ForloebPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Benchmarks/ForloebStoreBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "forloeb-e2e-bench",
            dependencies: [
                "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite", "ForloebPostgres", "ForloebAMQP",
                "ForloebWorker",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            path: "Sources/Benchmarks/forloeb-e2e-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ForloebCoreTests",
            dependencies: [
                "ForloebCore", "ForloebWorkflows",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // The expected `explain` texts are read through #filePath, not bundled.
            exclude: ["Expected"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ForloebWorkflowsTests", dependencies: ["ForloebWorkflows", "ForloebCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ForloebAMQPTests", dependencies: ["ForloebAMQP"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ForloebCLITests",
            dependencies: [
                "ForloebCLI", "ForloebCore", "ForloebAMQP", "forloeb", "ForloebTestSupport",
                // To edit a store's file behind forloeb's back, as a tamperer would (the audit chain tests).
                .product(name: "GRDB", package: "GRDB.swift"),
            ], swiftSettings: swiftSettings),
        .target(
            name: "ForloebTestSupport",
            dependencies: [
                "ForloebStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ForloebTestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "ForloebWorkerTests",
            dependencies: [
                "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite", "ForloebPostgres", "ForloebAMQP",
                "ForloebWorker", "forloeb", "ForloebTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ForloebConsoleTests",
            dependencies: [
                "ForloebConsole", "ForloebViews", "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite",
                "ForloebPostgres", "forloeb", "ForloebTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ForloebStoreTests",
            dependencies: [
                "ForloebCore", "ForloebWorkflows", "ForloebStore", "ForloebSQLite", "ForloebPostgres", "forloeb",
                "ForloebTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // Stores written by an earlier forloeb, for the in-place upgrade test (read through #filePath).
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
