import ForloebTestSupport

/// The CLI tests call the binary through the shared helper.
typealias ForloebProcess = ForloebExecutable
