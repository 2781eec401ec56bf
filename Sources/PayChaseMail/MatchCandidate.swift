/// A Message-ID a returned message names as the one it is about, and where it named it.
public struct MatchCandidate: Sendable, Hashable {
    /// Bare, without angle brackets.
    public let messageID: String
    public let source: CandidateSource

    public init(messageID: String, source: CandidateSource) {
        self.messageID = messageID
        self.source = source
    }
}
