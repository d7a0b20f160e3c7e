import ArgumentParser
import ForloebCore

// The core's string enums as command-line values: ArgumentParser lists the valid values in `--help` and
// rejects any other with exit 2, so a mistyped state or code is never a silent empty answer.
extension CaseState: ExpressibleByArgument {}
extension DeadlineKind: ExpressibleByArgument {}
extension RejectionCode: ExpressibleByArgument {}
extension NarrationLanguage: ExpressibleByArgument {}
