/// A workflow file that cannot be used: which file, which line, which key, and why.
///
/// Loading refuses a policy that names something the typed machine does not know, or a number that
/// would break the law in force, so a municipality learns of the mistake at deploy time, not in a case.
public struct WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The dotted path of the offending key (`followUp.2013.intervalDays`).
    public var key: String
    public var message: String

    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(key.isEmpty ? "" : key + ": ")\(message)"
    }
}
