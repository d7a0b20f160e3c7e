import ForloebCore
import Foundation

/// The clock every verb uses: `FORLOEB_NOW` when set (tests, simulations, replays), else the system clock.
public enum CommandClock {
    public static func now() throws -> Instant {
        if let text = ProcessInfo.processInfo.environment["FORLOEB_NOW"], !text.isEmpty {
            guard let instant = Instant(rfc3339: text) else {
                throw CommandFailure.usage("FORLOEB_NOW is not an RFC 3339 instant: \(text)")
            }
            return instant
        }
        return Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }
}
