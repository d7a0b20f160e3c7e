import ArgumentParser

/// Temporary stand-in until main's `check` verb is merged.
struct CheckCommand: ParsableCommand {}
