extension CivilDate {
    /// The ISO 8601 weekday: 1 is Monday, 6 Saturday, 7 Sunday.
    ///
    /// Why: the law's weeks end on a weekday, and a period that ends on a Saturday or Sunday runs on to the
    /// next working day (`DanishCalendar`). Day 0, 1970-01-01, was a Thursday (4).
    public var isoWeekday: Int {
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }
}
