import CoreMetrics
import Synchronization

/// An in-process swift-metrics back end that keeps every counter's total and every recorder's sum and count
/// by label, so that the benchmark can watch the workers' own counters (events applied, batch sizes) without
/// querying the store: a `count(*)` poll of the database would load the very server being measured.
final class BenchMetrics: MetricsFactory, Sendable {
    static let shared = BenchMetrics()

    final class Cell: CounterHandler, RecorderHandler, TimerHandler, Sendable {
        let total = Atomic<Int64>(0)
        let count = Atomic<Int64>(0)
        func increment(by amount: Int64) {
            total.add(amount, ordering: .relaxed)
            count.add(1, ordering: .relaxed)
        }
        func reset() {
            total.store(0, ordering: .relaxed)
            count.store(0, ordering: .relaxed)
        }
        func record(_ value: Int64) { increment(by: value) }
        func record(_ value: Double) { increment(by: Int64(value)) }
        func recordNanoseconds(_ duration: Int64) { increment(by: duration) }
    }

    let cells = Mutex<[String: Cell]>([:])

    func cell(_ label: String) -> Cell {
        cells.withLock { cells in
            if let cell = cells[label] { return cell }
            let cell = Cell()
            cells[label] = cell
            return cell
        }
    }

    /// Sets every counter back to zero between runs.
    func reset() { cells.withLock { $0.values.forEach { $0.reset() } } }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { cell(label) }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler { cell(label) }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { cell(label) }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    /// Events the workers finished with (applied, duplicate or rejected): committed, and acked right after.
    var eventsDone: Int64 {
        ["forloeb_events_applied_total", "forloeb_events_duplicate_total", "forloeb_events_rejected_total"]
            .reduce(0) { $0 + cell($1).total.load(ordering: .relaxed) }
    }

    /// The mean number of messages per consumer batch (one store transaction, one multiple-ack).
    var meanBatch: Double {
        let batches = cell("forloeb_batch_size")
        let count = batches.count.load(ordering: .relaxed)
        return count == 0 ? 0 : Double(batches.total.load(ordering: .relaxed)) / Double(count)
    }
}
