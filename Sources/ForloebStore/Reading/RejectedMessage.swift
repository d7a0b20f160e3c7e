import ForloebCore
import Foundation

/// A rejected message with the raw bytes that arrived: what `forloeb rejections replay` sends through
/// `apply` again (or replaces with a corrected body).
public struct RejectedMessage: Sendable, Equatable {
    /// The latest attempt's rejection.
    public var rejection: StoredRejection
    /// The body exactly as received.
    public var body: Data

    public init(rejection: StoredRejection, body: Data) {
        self.rejection = rejection
        self.body = body
    }
}
