extension String {
    /// The first control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) as `U+0000`, or nil.
    ///
    /// The contract's ids and codes (`messageId`, `caseId`, `actor`, `municipality`, …) are keys that stores
    /// index and operators type. A control character in one is a publisher's bug, never a meaning, and NUL
    /// cannot be kept at all: PostgreSQL's text has no NUL, and SQLite's string binding cut the id there, so
    /// `H-\u0000-x` became the different case `H-` (issue 17). Such a field is `malformed` at the door instead.
    var firstControlCharacter: String? {
        guard mayHoldControlCharacter else { return nil }
        return unicodeScalars.first { $0.properties.generalCategory == .control }.map(Self.codePoint)
    }

    /// False when no byte can begin a control character: C0 and DEL are single bytes below 0x20 and 0x7F, and
    /// C1 is 0xC2 followed by 0x80–0x9F. Every id of every event is checked, and reading the bytes is several
    /// times cheaper than asking each scalar for its category.
    private var mayHoldControlCharacter: Bool {
        var afterC2 = false
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F || (afterC2 && byte < 0xA0) { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }

    /// This string as an identifying field read leniently from a message that failed to decode: nil when it is
    /// empty, holds a control character or is longer than an id may be, so that the rejection is never tied to an id a store cannot hold as
    /// sent (the message gets its fallback id, or is dead-lettered for want of a case).
    var wireIdentifier: String? {
        isEmpty || firstControlCharacter != nil || utf8.count > WireLimits.maximumIdentifierBytes ? nil : self
    }

    /// Control characters written as `U+0000`: a rejection's type and detail quote what was sent, and are stored
    /// and printed as text.
    var escapingControlCharacters: String {
        guard firstControlCharacter != nil else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += Self.codePoint(scalar)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}
