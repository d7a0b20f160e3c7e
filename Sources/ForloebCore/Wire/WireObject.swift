/// One JSON object of an inbound message as `CanonicalJSONReader` read it: the fast path of `EventDecoder`.
///
/// It does not explain. Every field that is not exactly what the contract allows (missing, `null` where a value is
/// required, of another JSON type, out of range, or given twice) is `Unreadable`, and the message is decoded again
/// by `JSONDecoder` (`WireEnvelope`), whose error names the field. So the fast path only ever answers for a
/// message that is right, and then with what `JSONDecoder` would have read; `WireFastPathTests` checks both
/// readers agree.
///
/// Why: the worker decoded every message through `JSONDecoder` and the synthesised containers, a sixth of its CPU
/// on PostgreSQL, more than it spent planning the batch.
struct WireObject: WireFields {
    typealias Unreadable = CanonicalJSONReader.Unreadable
    typealias Value = CanonicalJSONReader.Value

    private let members: [(key: String, value: Value)]

    init(_ value: Value) throws(Unreadable) {
        guard case .object(let members) = value else { throw Unreadable() }
        self.members = members
    }

    /// The envelope a message's bytes hold, if it is valid UTF-8 and every field is as the contract allows.
    static func envelope(_ bytes: some Collection<UInt8>) -> EventEnvelope? {
        guard let text = String(validating: bytes, as: UTF8.self),
            let value = try? CanonicalJSONReader.parse(text),
            let object = try? WireObject(value)
        else { return nil }
        return try? EventEnvelope(wire: object)
    }

    /// The field's value; nil when it is missing or `null`. A key given twice is left to `JSONDecoder`, whose
    /// choice between the two is its own.
    private func optional(_ key: WireKey) throws(Unreadable) -> Value? {
        var found: Value?
        for member in members where member.key == key.stringValue {
            guard found == nil else { throw Unreadable() }
            found = member.value
        }
        if case .null? = found { return nil }
        return found
    }

    private func required(_ key: WireKey) throws(Unreadable) -> Value {
        guard let value = try optional(key) else { throw Unreadable() }
        return value
    }

    private func read<T>(_ value: Value?, _ convert: (Value) -> T?) throws(Unreadable) -> T? {
        guard let value else { return nil }
        guard let converted = convert(value) else { throw Unreadable() }
        return converted
    }

    func string(_ key: WireKey) throws(Unreadable) -> String {
        guard case .string(let text) = try required(key) else { throw Unreadable() }
        return text
    }

    func nonEmpty(_ key: WireKey) throws(Unreadable) -> String {
        let text = try string(key)
        guard !text.isEmpty, text.firstControlCharacter == nil else { throw Unreadable() }
        return text
    }

    func identifier(_ key: WireKey) throws(Unreadable) -> String {
        let text = try nonEmpty(key)
        guard text.utf8.count <= WireLimits.maximumIdentifierBytes else { throw Unreadable() }
        return text
    }

    func identifierIfPresent(_ key: WireKey) throws(Unreadable) -> String? {
        try optional(key) == nil ? nil : identifier(key)
    }

    func value<Named: Decodable & RawRepresentable<String>>(_ key: WireKey) throws(Unreadable) -> Named {
        guard let named = try valueIfPresent(key) as Named? else { throw Unreadable() }
        return named
    }

    func valueIfPresent<Named: Decodable & RawRepresentable<String>>(_ key: WireKey) throws(Unreadable) -> Named? {
        try read(try optional(key)) { $0.string.flatMap(Named.init(rawValue:)) }
    }

    func positive(_ key: WireKey, atMost maximum: Int) throws(Unreadable) -> Int {
        guard let count = try positiveIfPresent(key, atMost: maximum) else { throw Unreadable() }
        return count
    }

    func positiveIfPresent(_ key: WireKey, atMost maximum: Int) throws(Unreadable) -> Int? {
        try read(try optional(key)) { $0.int.flatMap { (1...maximum).contains($0) ? $0 : nil } }
    }

    func bool(_ key: WireKey) throws(Unreadable) -> Bool {
        guard let flag = try boolIfPresent(key) else { throw Unreadable() }
        return flag
    }

    func boolIfPresent(_ key: WireKey) throws(Unreadable) -> Bool? {
        try read(try optional(key), \.bool)
    }

    func date(_ key: WireKey) throws(Unreadable) -> CivilDate {
        guard let date = try dateIfPresent(key) else { throw Unreadable() }
        return date
    }

    func dateIfPresent(_ key: WireKey) throws(Unreadable) -> CivilDate? {
        try read(try optional(key)) { value in
            value.string.flatMap(CivilDate.init(iso:)).flatMap { WireLimits.dates.contains($0) ? $0 : nil }
        }
    }

    func instant(_ key: WireKey) throws(Unreadable) -> Instant {
        let instant = try read(try required(key)) { value in
            value.string.flatMap(Instant.init(rfc3339:)).flatMap { WireLimits.instants.contains($0) ? $0 : nil }
        }
        guard let instant else { throw Unreadable() }
        return instant
    }

    func stringsIfPresent(_ key: WireKey) throws(Unreadable) -> [String]? {
        try read(try optional(key)) { value in
            guard case .array(let elements) = value else { return nil }
            var strings: [String] = []
            for element in elements {
                guard case .string(let text) = element else { return nil }
                strings.append(text)
            }
            return strings
        }
    }

    func priorCoursesIfPresent(_ key: WireKey) throws(Unreadable) -> [PriorCourse]? {
        guard let value = try optional(key) else { return nil }
        guard case .array(let elements) = value else { throw Unreadable() }
        var courses: [PriorCourse] = []
        for element in elements {
            let course = try WireObject(element)
            courses.append(
                PriorCourse(
                    startDate: try course.date("startDate"),
                    months: try course.positive("months", atMost: WireLimits.maximumMonths)))
        }
        return courses.isEmpty ? nil : courses
    }

    func object(_ key: WireKey) throws(Unreadable) -> WireObject {
        try WireObject(try required(key))
    }
}
