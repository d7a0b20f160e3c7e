/// A run that cannot finish (a child process failed or hung), thrown so that the run can clean up first.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
