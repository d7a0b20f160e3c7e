import ForloebCore

/// Which recorded rejections `forloeb rejections list` returns; every field that is set must match.
///
/// Newest first, because an operator looks at what just went wrong; `limit` keeps a long history cheap.
public struct RejectionFilter: Sendable, Equatable {
    public var code: RejectionCode?
    public var caseId: String?
    public var messageId: String?
    /// Only rejections recorded at or after this instant.
    public var since: Instant?
    public var limit: Int

    public init(
        code: RejectionCode? = nil, caseId: String? = nil, messageId: String? = nil, since: Instant? = nil,
        limit: Int = 1000
    ) {
        self.code = code
        self.caseId = caseId
        self.messageId = messageId
        self.since = since
        self.limit = limit
    }
}
