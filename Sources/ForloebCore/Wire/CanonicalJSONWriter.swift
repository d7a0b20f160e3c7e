/// Writes JSON byte for byte as Foundation's `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` does, for
/// the handful of types the worker serialises on every event: the case snapshot and the notification bodies.
///
/// Why by hand: the Codable path boxes every field in an intermediate tree, sorts keys with a locale-aware
/// compare, and was the largest single cost in the worker (about a third of its CPU per event). The output is
/// unchanged, so stored snapshots and published notifications stay byte-identical to what earlier versions wrote;
/// `CanonicalJSONTests` holds every writer to `JSONEncoder`'s output. Callers write keys in sorted order
/// (case-insensitive, as `.sortedKeys` orders them); the tests catch a key out of place.
public struct CanonicalJSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// No separator is due before the next key or element (just after `{` or `[`).
    private var atStart = true

    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a `String` (the store's text column).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    /// `{`, the members `body` writes, `}`.
    public mutating func object(_ body: (inout CanonicalJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        atStart = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        atStart = false
    }

    /// `[`, one element per item, `]`.
    public mutating func array<Element>(_ items: [Element], _ element: (inout CanonicalJSONWriter, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        atStart = true
        for item in items {
            separate()
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    /// `"name":`, after a comma unless it is the object's first member. `name` is plain ASCII.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func separate() {
        if atStart { atStart = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: Values

    public mutating func null() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
    }

    public mutating func bool(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])  // true
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])  // false
        }
    }

    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, `/` and
    /// everything from U+0020 up (non-ASCII included) as they are, as `JSONEncoder` writes them.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    /// A date as `"YYYY-MM-DD"`, as `CivilDate.description` spells it, without building the string.
    public mutating func date(_ value: CivilDate) {
        let (year, month, day) = value.components
        guard (0...9999).contains(year) else { return string(value.description) }
        bytes.append(UInt8(ascii: "\""))
        appendDate(year, month, day)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An instant as `"YYYY-MM-DDThh:mm:ssZ"`, as `Instant.description` spells it.
    public mutating func instant(_ value: Instant) {
        let day = value.date
        let (year, month, dayOfMonth) = day.components
        guard (0...9999).contains(year) else { return string(value.description) }
        let second = Int(value.secondsSinceEpoch - Int64(day.dayNumber) * 86_400)
        bytes.append(UInt8(ascii: "\""))
        appendDate(year, month, dayOfMonth)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(second / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(second / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(second % 60, width: 2)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendDate(_ year: Int, _ month: Int, _ day: Int) {
        appendDigits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2)
    }

    /// `value` (0 or more) in exactly `width` decimal digits, zero-padded.
    private mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    // MARK: Members

    public mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func member(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member written only when `value` is present (Codable's `encodeIfPresent`).
    public mutating func member(_ name: StaticString, ifPresent value: String?) {
        if let value { member(name, value) }
    }

    public mutating func member(_ name: StaticString, ifPresent value: Int?) {
        if let value { member(name, value) }
    }

    /// A member that is `null` when `value` is absent (an explicit `encode` of an optional).
    public mutating func member(_ name: StaticString, orNull value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    public mutating func member(_ name: StaticString, _ value: CivilDate) {
        key(name)
        date(value)
    }

    public mutating func member(_ name: StaticString, ifPresent value: CivilDate?) {
        if let value { member(name, value) }
    }

    public mutating func member(_ name: StaticString, _ value: Instant) {
        key(name)
        instant(value)
    }

    public mutating func member(_ name: StaticString, _ body: (inout CanonicalJSONWriter) -> Void) {
        key(name)
        body(&self)
    }
}
