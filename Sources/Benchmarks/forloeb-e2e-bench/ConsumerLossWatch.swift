import Foundation
import Logging
import Synchronization

/// A log handler that notes when a worker's consumer said it lost the broker: the instant a failover run counts
/// the consumer as having noticed, after which its old connection commits nothing more.
struct ConsumerLossWatch: LogHandler {
    static let noticed = Mutex<ContinuousClock.Instant?>(nil)

    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        guard message.description.hasPrefix("consumer lost the broker") else { return }
        let now = ContinuousClock.now
        Self.noticed.withLock { if $0 == nil { $0 = now } }
    }
}
