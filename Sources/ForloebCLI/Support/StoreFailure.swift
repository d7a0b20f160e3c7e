import ForloebStore

extension CommandFailure {
    /// A store error during a verb: unreachable stores exit 3, everything else names the store and exits 3
    /// too (the infrastructure failed, not the user's input), except a write the store refused to this identity
    /// (PostgreSQL's SQLSTATE 42501, a SQLite file opened read-only), which exits 4 and is logged.
    static func store(_ error: any Error, _ url: StoreURL) -> any Error {
        guard let error = error as? StoreError else { return error }
        if error.code == .notPermitted {
            let identity: String =
                switch url {
                case .postgres(let address): address.user
                case .sqlite: OperatingSystemUser.name
                }
            return Permission.refusal(
                role: .operator, verb: Permission.currentVerb, identity: identity, url: url, detail: error.message)
        }
        return CommandFailure.unreachable("store \(url.redacted): \(error.message)")
    }
}
