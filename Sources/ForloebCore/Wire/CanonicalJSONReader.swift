/// Reads the JSON that `CanonicalJSONWriter` writes: objects, arrays, strings, integers, `true`, `false` and
/// `null`, with the whitespace and escapes any JSON may have. Anything else (a fraction, an exponent, bad UTF-8
/// structure, trailing bytes) is `Unreadable`, and the caller decodes with `JSONDecoder` instead.
///
/// Why by hand: `forloeb show` decodes one snapshot, and `JSONDecoder` over the synthesised `Codable`
/// conformances took three times the reads of all the case's rows (a snapshot keeps every appealable decision
/// with the standing it reopens). The typed layer is `CitizenCase+CanonicalDecoding.swift`.
struct CanonicalJSONReader {
    /// A JSON value, members kept in their order (a snapshot's objects have a handful of members each).
    enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([Value])
        case object([(key: String, value: Value)])
    }

    /// Not JSON this reader takes.
    struct Unreadable: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The one value `text` holds.
    static func parse(_ text: String) throws(Unreadable) -> Value {
        var text = text
        let parsed = text.withUTF8 { buffer in
            Result { () throws(Unreadable) -> Value in
                var reader = CanonicalJSONReader(buffer)
                let value = try reader.value()
                reader.skipWhitespace()
                guard reader.position == buffer.count else { throw Unreadable() }
                return value
            }
        }
        return try parsed.get()
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(Unreadable) {
        guard current == byte else { throw Unreadable() }
        position += 1
    }

    private mutating func value() throws(Unreadable) -> Value {
        skipWhitespace()
        guard let byte = current else { throw Unreadable() }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try integer())
        default: throw Unreadable()
        }
    }

    private mutating func nested<T>(_ body: (inout CanonicalJSONReader) throws(Unreadable) -> T) throws(Unreadable) -> T {
        depth += 1
        guard depth <= 64 else { throw Unreadable() }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(Unreadable) -> Value {
        try nested { (r) throws(Unreadable) -> Value in
            r.position += 1
            var members: [(key: String, value: Value)] = []
            r.skipWhitespace()
            if r.current == UInt8(ascii: "}") {
                r.position += 1
                return .object(members)
            }
            while true {
                r.skipWhitespace()
                let key = try r.string()
                r.skipWhitespace()
                try r.expect(UInt8(ascii: ":"))
                members.append((key, try r.value()))
                r.skipWhitespace()
                if r.current == UInt8(ascii: ",") {
                    r.position += 1
                    continue
                }
                try r.expect(UInt8(ascii: "}"))
                return .object(members)
            }
        }
    }

    private mutating func array() throws(Unreadable) -> Value {
        try nested { (r) throws(Unreadable) -> Value in
            r.position += 1
            var elements: [Value] = []
            r.skipWhitespace()
            if r.current == UInt8(ascii: "]") {
                r.position += 1
                return .array(elements)
            }
            while true {
                elements.append(try r.value())
                r.skipWhitespace()
                if r.current == UInt8(ascii: ",") {
                    r.position += 1
                    continue
                }
                try r.expect(UInt8(ascii: "]"))
                return .array(elements)
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(Unreadable) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Unreadable() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Unreadable() }
        position += count
    }

    /// A whole number, as the writer writes it; a fraction or an exponent is not one, nor a leading zero, which
    /// JSON does not allow.
    private mutating func integer() throws(Unreadable) -> Int {
        let negative = current == UInt8(ascii: "-")
        if negative { position += 1 }
        if current == UInt8(ascii: "0"), position + 1 < bytes.count,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position + 1])
        {
            throw Unreadable()
        }
        var magnitude = 0
        var digits = 0
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { throw Unreadable() }
            magnitude = sum
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw Unreadable() }
        if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            throw Unreadable()
        }
        return negative ? -magnitude : magnitude
    }

    /// A string: its bytes as they are up to the closing quote, unless an escape needs decoding.
    private mutating func string() throws(Unreadable) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self)
            case UInt8(ascii: "\\"):
                return try escapedString(from: start)
            case 0..<0x20:
                throw Unreadable()
            default:
                position += 1
            }
        }
        throw Unreadable()
    }

    private mutating func escapedString(from start: Int) throws(Unreadable) -> String {
        var out = Array(bytes[start..<position])
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escape = current else { throw Unreadable() }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                default: throw Unreadable()
                }
            case 0..<0x20:
                throw Unreadable()
            default:
                out.append(byte)
            }
        }
        throw Unreadable()
    }

    /// The UTF-8 of a `\uXXXX` escape (the `\u` read), a surrogate pair's second half included.
    private mutating func unicodeEscape() throws(Unreadable) -> [UInt8] {
        var scalar = UInt32(try hex4())
        if (0xD800..<0xDC00).contains(scalar) {
            try expect(UInt8(ascii: "\\"))
            try expect(UInt8(ascii: "u"))
            let low = UInt32(try hex4())
            guard (0xDC00..<0xE000).contains(low) else { throw Unreadable() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw Unreadable() }
        return Array(String(Character(unicode)).utf8)
    }

    private mutating func hex4() throws(Unreadable) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw Unreadable() }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unreadable()
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
