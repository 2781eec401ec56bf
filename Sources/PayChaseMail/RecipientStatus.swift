/// What a mail system says it did for one recipient (RFC 3464 §2.3).
public struct RecipientStatus: Sendable, Hashable {
    /// The address it tried, without its `rfc822;` type. nil when a bounce that is not a
    /// standard report says delivery failed without saying for whom.
    public var finalRecipient: String?
    /// The address as the sender gave it, when the server kept it (ORCPT).
    public var originalRecipient: String?
    public var action: DeliveryAction?
    /// The enhanced status code, such as `5.1.1`.
    public var status: String?
    /// The remote server's reply, such as `550 5.1.1 <x@example.org>... User Unknown`, without its `smtp;` type.
    public var diagnosticCode: String?
    public var remoteMTA: String?

    public init(
        finalRecipient: String? = nil,
        originalRecipient: String? = nil,
        action: DeliveryAction? = nil,
        status: String? = nil,
        diagnosticCode: String? = nil,
        remoteMTA: String? = nil
    ) {
        self.finalRecipient = finalRecipient
        self.originalRecipient = originalRecipient
        self.action = action
        self.status = status
        self.diagnosticCode = diagnosticCode
        self.remoteMTA = remoteMTA
    }
}
