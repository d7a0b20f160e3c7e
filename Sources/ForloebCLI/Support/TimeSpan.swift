import Foundation
import ArgumentParser

/// A DURATION argument such as `30d`, `12h`, `2w` or `45m`: how long a case may sit idle, for `stuck`.
///
/// Plain units only (no `1d12h`): an operator types one figure, and an unknown unit is a usage error (exit 2),
/// never a silent default.
struct TimeSpan: ExpressibleByArgument, Sendable, Equatable, CustomStringConvertible {
    var seconds: Int64
    var description: String

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = text.last, let value = Int64(text.dropLast()), value >= 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        case "w": scale = 7 * 86_400
        default: return nil
        }
        seconds = value * scale
        description = text
    }

    /// Whole days, rounded down: the unit of the policy's idle thresholds.
    var days: Int { Int(seconds / 86_400) }

    static var defaultValueDescription: String { "30d" }
}
