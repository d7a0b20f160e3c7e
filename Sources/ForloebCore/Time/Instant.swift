/// A moment in time, to the second, as RFC 3339 writes it (`2026-11-23T10:15:00Z`).
///
/// Whole seconds are enough for case events and deadlines, and an integer keeps comparisons, storage and
/// replay exact. Parsing accepts any offset and fractional seconds (dropped); formatting is always UTC `Z`.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `nil` for anything else.
    public init?(rfc3339 text: some StringProtocol) {
        let b = Array(text.utf8)
        // The date is ten bytes, or up to twelve for a year after 9999 as `description` writes one.
        guard let t = b.prefix(13).firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }),
            t >= 10, b.count >= t + 10, b[t + 3] == UInt8(ascii: ":"), b[t + 6] == UInt8(ascii: ":"),
            let date = CivilDate(iso: String(decoding: b[0..<t], as: UTF8.self)),
            let hour = CivilDate.number(b[(t + 1)..<(t + 3)]), let minute = CivilDate.number(b[(t + 4)..<(t + 6)]),
            let second = CivilDate.number(b[(t + 7)..<(t + 9)]), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = t + 9
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start else { return nil }
        }
        guard index < b.count else { return nil }
        var offset = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == b.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == b.count, b[index + 3] == UInt8(ascii: ":"),
                let oh = CivilDate.number(b[(index + 1)..<(index + 3)]),
                let om = CivilDate.number(b[(index + 4)..<(index + 6)]), oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        self.secondsSinceEpoch = Int64(seconds)
    }

    /// The UTC calendar date this instant falls on.
    public var date: CivilDate {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return CivilDate(dayNumber: Int(days))
    }

    public func adding(seconds: Int64) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public var description: String {
        let date = self.date
        let secondOfDay = Int(secondsSinceEpoch - Int64(date.dayNumber) * 86_400)
        return date.description + "T" + CivilDate.pad(secondOfDay / 3600, 2) + ":"
            + CivilDate.pad(secondOfDay / 60 % 60, 2) + ":" + CivilDate.pad(secondOfDay % 60, 2) + "Z"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

extension Instant: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = Instant(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 instant, got \"\(text)\"")
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
