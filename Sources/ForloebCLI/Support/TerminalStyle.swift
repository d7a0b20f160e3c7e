#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ANSI colour for human output, only when stdout is a terminal and `NO_COLOR` is unset: piped output
/// (into `grep`, a file, a test) stays plain text.
enum TerminalStyle: String, Sendable {
    case red = "31"
    case yellow = "33"
    case green = "32"
    case bold = "1"
    case dim = "2"

    static let enabled: Bool = {
        isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
    }()

    /// `text` in this style, or `text` itself when colour is off.
    func apply(_ text: String) -> String {
        Self.enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}
