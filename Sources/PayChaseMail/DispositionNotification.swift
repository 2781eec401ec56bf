/// The fields of a message/disposition-notification part (RFC 8098 §3.2): what happened to
/// the message at the recipient's end, and who says so.
public struct DispositionNotification: Sendable, Hashable {
    /// The disposition type in lower case: `displayed`, `deleted`, `dispatched`, `processed`;
    /// empty when the report has no Disposition field.
    public let disposition: String
    public let mode: DispositionMode
    /// True for `MDN-sent-manually`: the recipient chose to send this receipt.
    public let sentManually: Bool
    /// Bare, without angle brackets.
    public let originalMessageID: String?
    /// The address the receipt is for, without its `rfc822;` type.
    public let finalRecipient: String?
    public let originalRecipient: String?
    /// The mail program that sent it, such as `mail.example.org; Mozilla Thunderbird`.
    public let reportingUA: String?

    init(_ bytes: ArraySlice<UInt8>) {
        let fields = MIMEHeader(fields: ReportFields.groups(bytes).flatMap(\.fields))
        let parts = (fields["Disposition"] ?? "").split(separator: ";", maxSplits: 1).map { String($0).trimmingWhitespace.lowercased() }
        let modes = parts.first ?? ""
        let type = parts.count > 1 ? parts[1] : ""
        disposition = type.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "(" || $0 == "\t" }).first.map(String.init) ?? ""
        mode = DispositionMode(modes)
        sentManually = modes.contains("mdn-sent-manually")
        originalMessageID = MessageIDList.first(in: fields["Original-Message-ID"])
        finalRecipient = ReportFields.typedValue(fields["Final-Recipient"])
        originalRecipient = ReportFields.typedValue(fields["Original-Recipient"])
        reportingUA = fields["Reporting-UA"]
    }
}
