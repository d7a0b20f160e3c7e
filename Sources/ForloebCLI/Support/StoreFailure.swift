import ForloebStore

extension CommandFailure {
    /// A store error during a verb: unreachable stores exit 3, everything else names the store and exits 3
    /// too (the infrastructure failed, not the user's input).
    static func store(_ error: any Error, _ url: StoreURL) -> any Error {
        guard let error = error as? StoreError else { return error }
        return CommandFailure.unreachable("store \(url.redacted): \(error.message)")
    }
}
