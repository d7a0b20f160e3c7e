extension KeyedDecodingContainer<WireKey> {
    /// `case.opened`'s optional `priorCourses` (CONTRACT.md §6.5): a list of `{"startDate", "months"}`, each
    /// field as strict as the contract's others, so that a bad entry is `malformed` naming its path
    /// (`data.priorCourses[1].months`). Absent, `null` or empty is `nil`: the citizen had no course before, and
    /// their snapshot stays what it was before the field existed.
    func decodePriorCoursesIfPresent(_ key: WireKey) throws -> [PriorCourse]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        var list = try nestedUnkeyedContainer(forKey: key)
        var courses: [PriorCourse] = []
        while !list.isAtEnd {
            let course = try list.nestedContainer(keyedBy: WireKey.self)
            courses.append(
                PriorCourse(
                    startDate: try course.decodeDate("startDate"),
                    months: try course.decodePositive("months", atMost: WireLimits.maximumMonths)))
        }
        return courses.isEmpty ? nil : courses
    }
}
