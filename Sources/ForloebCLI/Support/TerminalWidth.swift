#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How wide the human output of read verbs may be: `COLUMNS` when set (so a user, or a test, can ask for a
/// width), else the terminal's width when stdout is one, else no limit: piped output keeps each row on one line,
/// whatever terminal the pipeline happens to run in, so that scripts see the same text everywhere.
enum TerminalWidth {
    static let current: Int? = resolve(environment: getenv("COLUMNS").map { String(cString: $0) })

    /// The width from `COLUMNS` (a positive number, at least 20 to be usable), else the terminal's.
    static func resolve(environment columns: String?) -> Int? {
        if let columns, let width = Int(columns), width > 0 { return max(width, 20) }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
        return status == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
