/// The fields of one JSON object of an inbound message, read as the contract reads them.
///
/// Two readers conform: `KeyedDecodingContainer<WireKey>` (`JSONDecoder`), whose errors name the field and what is
/// wrong with it, and `WireObject` (`CanonicalJSONReader`), the fast path, which only knows whether every field is
/// as the contract allows. The envelope's and the events' fields are listed once, for both
/// (`EventEnvelope+Wire.swift`, `CaseEvent+Wire.swift`), so the two cannot read a message differently.
protocol WireFields {
    /// Any string.
    func string(_ key: WireKey) throws -> String
    /// A string that is not empty and holds no control character.
    func nonEmpty(_ key: WireKey) throws -> String
    /// An id (`messageId`, `caseId`, `actor`): `nonEmpty`, and at most `WireLimits.maximumIdentifierBytes` bytes.
    func identifier(_ key: WireKey) throws -> String
    /// An `identifier`, or nil when the field is missing or `null`.
    func identifierIfPresent(_ key: WireKey) throws -> String?
    /// One of a closed list of names (`origin`, `channel`, …).
    func value<Value: Decodable & RawRepresentable<String>>(_ key: WireKey) throws -> Value
    func valueIfPresent<Value: Decodable & RawRepresentable<String>>(_ key: WireKey) throws -> Value?
    /// A count from 1 to `maximum` (`WireLimits`): larger numbers would overflow the engine's date arithmetic.
    func positive(_ key: WireKey, atMost maximum: Int) throws -> Int
    func positiveIfPresent(_ key: WireKey, atMost maximum: Int) throws -> Int?
    func bool(_ key: WireKey) throws -> Bool
    func boolIfPresent(_ key: WireKey) throws -> Bool?
    /// A calendar date within `WireLimits.dates`.
    func date(_ key: WireKey) throws -> CivilDate
    func dateIfPresent(_ key: WireKey) throws -> CivilDate?
    /// An instant within `WireLimits.instants`.
    func instant(_ key: WireKey) throws -> Instant
    /// A list of strings, or nil when the field is missing or `null`.
    func stringsIfPresent(_ key: WireKey) throws -> [String]?
    /// `case.opened`'s optional `priorCourses` (CONTRACT.md §6.5): a list of `{"startDate", "months"}`. Absent,
    /// `null` or empty is nil: the citizen had no course before, and their snapshot stays what it was before the
    /// field existed.
    func priorCoursesIfPresent(_ key: WireKey) throws -> [PriorCourse]?
    /// The object a field holds (`data`).
    func object(_ key: WireKey) throws -> Self
}
