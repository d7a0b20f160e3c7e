extension CivilDate {
    /// The date as Danish prose writes it: "6. marts 2023".
    ///
    /// Why written out: `explain` is read aloud to the citizen, and ISO dates ("2023-03-06") are not Danish
    /// prose. The month names are the core's own, not Foundation's, so the text is the same on every machine
    /// whatever its locale (the core stays free of I/O and locale data).
    public var danishProse: String {
        let (year, month, day) = components
        return "\(day). \(CivilDate.danishMonths[month - 1]) \(year)"
    }

    /// The date as English prose writes it: "6 March 2023" (day first, as in British usage, like the Danish).
    public var englishProse: String {
        let (year, month, day) = components
        return "\(day) \(CivilDate.englishMonths[month - 1]) \(year)"
    }

    /// The weekday's Danish name, lower case as Danish writes it ("søndag").
    public var danishWeekday: String {
        CivilDate.danishWeekdays[isoWeekday - 1]
    }

    public var englishWeekday: String {
        CivilDate.englishWeekdays[isoWeekday - 1]
    }

    static let danishMonths = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november",
        "december",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let danishWeekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
