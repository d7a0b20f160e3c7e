/// The strict reader, through `JSONDecoder`: each error names the field's JSON path and what is wrong.
extension KeyedDecodingContainer<WireKey>: WireFields {
    func string(_ key: WireKey) throws -> String {
        try decode(String.self, forKey: key)
    }

    func nonEmpty(_ key: WireKey) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard !value.isEmpty else {
            throw WireValueError(path: (codingPath + [key]).jsonPath, message: "must not be empty")
        }
        if let control = value.firstControlCharacter {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath, message: "must not contain control characters, found \(control)")
        }
        return value
    }

    func identifier(_ key: WireKey) throws -> String {
        let value = try nonEmpty(key)
        guard value.utf8.count <= WireLimits.maximumIdentifierBytes else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath,
                message: "\(value.utf8.count) bytes; an id is at most \(WireLimits.maximumIdentifierBytes)")
        }
        return value
    }

    func identifierIfPresent(_ key: WireKey) throws -> String? {
        try contains(key) && !decodeNil(forKey: key) ? identifier(key) : nil
    }

    func value<Value: Decodable & RawRepresentable<String>>(_ key: WireKey) throws -> Value {
        try decode(Value.self, forKey: key)
    }

    func valueIfPresent<Value: Decodable & RawRepresentable<String>>(_ key: WireKey) throws -> Value? {
        try decodeIfPresent(Value.self, forKey: key)
    }

    func positive(_ key: WireKey, atMost maximum: Int) throws -> Int {
        try checkedCount(try integer(at: key) { try decode(Int.self, forKey: key) }, key, atMost: maximum)
    }

    func positiveIfPresent(_ key: WireKey, atMost maximum: Int) throws -> Int? {
        guard let value = try integer(at: key, { try decodeIfPresent(Int.self, forKey: key) }) else { return nil }
        return try checkedCount(value, key, atMost: maximum)
    }

    private func checkedCount(_ value: Int, _ key: WireKey, atMost maximum: Int) throws -> Int {
        guard value > 0 else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath, message: "must be a positive integer, got \(value)")
        }
        guard value <= maximum else {
            throw WireValueError(path: (codingPath + [key]).jsonPath, message: "must be at most \(maximum), got \(value)")
        }
        return value
    }

    func bool(_ key: WireKey) throws -> Bool {
        try decode(Bool.self, forKey: key)
    }

    func boolIfPresent(_ key: WireKey) throws -> Bool? {
        try decodeIfPresent(Bool.self, forKey: key)
    }

    func date(_ key: WireKey) throws -> CivilDate {
        try checkedDate(try decode(CivilDate.self, forKey: key), key)
    }

    func dateIfPresent(_ key: WireKey) throws -> CivilDate? {
        try decodeIfPresent(CivilDate.self, forKey: key).map { try checkedDate($0, key) }
    }

    func instant(_ key: WireKey) throws -> Instant {
        let instant = try decode(Instant.self, forKey: key)
        guard WireLimits.instants.contains(instant) else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath,
                message: "\(instant) is outside the instants the engine accepts (\(WireLimits.instants.lowerBound) to \(WireLimits.instants.upperBound))")
        }
        return instant
    }

    private func checkedDate(_ date: CivilDate, _ key: WireKey) throws -> CivilDate {
        guard WireLimits.dates.contains(date) else {
            throw WireValueError(
                path: (codingPath + [key]).jsonPath,
                message: "\(date) is outside the dates the engine accepts (\(WireLimits.earliestDate) to \(WireLimits.latestDate))")
        }
        return date
    }

    func stringsIfPresent(_ key: WireKey) throws -> [String]? {
        try decodeIfPresent([String].self, forKey: key)
    }

    /// Each field of each course as strict as the contract's others, so that a bad entry is `malformed` naming its
    /// path (`data.priorCourses[1].months`).
    func priorCoursesIfPresent(_ key: WireKey) throws -> [PriorCourse]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        var list = try nestedUnkeyedContainer(forKey: key)
        var courses: [PriorCourse] = []
        while !list.isAtEnd {
            let course = try list.nestedContainer(keyedBy: WireKey.self)
            courses.append(
                PriorCourse(
                    startDate: try course.date("startDate"),
                    months: try course.positive("months", atMost: WireLimits.maximumMonths)))
        }
        return courses.isEmpty ? nil : courses
    }

    func object(_ key: WireKey) throws -> Self {
        try nestedContainer(keyedBy: WireKey.self, forKey: key)
    }

    /// Foundation reports a number that is no `Int` (`12.5`, `1e400`) with an internal error that carries no
    /// coding path; name the field instead, as every `malformed` detail must.
    private func integer<T>(at key: WireKey, _ decode: () throws -> T) throws -> T {
        do {
            return try decode()
        } catch let error as DecodingError {
            throw error
        } catch {
            throw WireValueError(path: (codingPath + [key]).jsonPath, message: "expected an integer")
        }
    }
}
