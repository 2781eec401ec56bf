/// A password (or a token the practice supplies itself): never renewed.
public struct FixedSecret: MailCredential {
    private let value: String?
    public let isBearerToken: Bool

    public init(_ value: String?, isBearerToken: Bool = false) {
        self.value = value
        self.isBearerToken = isBearerToken
    }

    public func secret() throws(MailServerError) -> String? { value }
    public func renewed(after refused: String?) throws(MailServerError) -> String? { nil }
}
