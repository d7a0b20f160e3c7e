import Benchmark
import ForloebCore
import ForloebWorkflows
import Foundation

/// Benchmarks of the pure core. Run with:
///   swift package --allow-writing-to-package-directory benchmark --target ForloebBenchmarks
/// Figures and their meaning are in BENCHMARKS.md. Each measured run applies one realistic batch
/// (`CoreFixture.casesPerRun` generated journeys); the baseline benchmarks in the same run measure bare
/// JSON parsing of the same bytes, so the ratio survives a noisy machine.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .one,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )
    coreBenchmarks()
    operatorBenchmarks()
}
