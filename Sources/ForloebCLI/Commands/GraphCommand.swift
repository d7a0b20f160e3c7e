import ArgumentParser

/// Temporary stand-in until main's `graph` verb is merged.
struct GraphCommand: ParsableCommand {}
