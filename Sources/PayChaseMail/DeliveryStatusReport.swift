/// The fields of a message/delivery-status part (RFC 3464): the per-message fields, then one
/// group per recipient. A group is a recipient's when it names one or has an Action, so a
/// report without per-message fields, or with extra blank lines, still reads.
struct DeliveryStatusReport: Sendable, Hashable {
    var reportingMTA: String?
    /// ENVID, xtext decoded: what the sender gave in MAIL FROM.
    var envelopeID: String?
    /// Not in RFC 3464, but some servers add it.
    var originalMessageID: String?
    var recipients: [RecipientStatus] = []

    init(_ bytes: ArraySlice<UInt8>) {
        for group in ReportFields.groups(bytes) {
            if group["Final-Recipient"] != nil || group["Original-Recipient"] != nil || group["Action"] != nil {
                recipients.append(Self.recipient(group))
            } else {
                reportingMTA = reportingMTA ?? ReportFields.typedValue(group["Reporting-MTA"])
                envelopeID = envelopeID ?? group["Original-Envelope-Id"].map(Self.xtextDecoded).flatMap(MessageIDList.first)
                originalMessageID = originalMessageID ?? MessageIDList.first(in: group["Original-Message-ID"])
            }
        }
    }

    private static func recipient(_ group: MIMEHeader) -> RecipientStatus {
        let status = group["Status"].flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" }).first.map(String.init) }
        return RecipientStatus(
            finalRecipient: ReportFields.typedValue(group["Final-Recipient"]),
            originalRecipient: ReportFields.typedValue(group["Original-Recipient"]),
            action: DeliveryAction(field: group["Action"]) ?? DeliveryAction(statusClass: status),
            status: status,
            diagnosticCode: ReportFields.typedValue(group["Diagnostic-Code"]),
            remoteMTA: ReportFields.typedValue(group["Remote-MTA"])
        )
    }

    /// RFC 3461 xtext: `+2B` is `+`.
    static func xtextDecoded(_ text: String) -> String {
        String(decoding: HexEscapes.decode(Array(text.utf8)[...], marker: UInt8(ascii: "+")), as: UTF8.self)
    }
}
