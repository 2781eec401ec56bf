/// Exchange Online's read receipts: no message/disposition-notification part and no
/// Original-Message-ID, only a localised subject ("Read: …", "Gelesen: …", "Not read: …"), a
/// base64 text part, `X-MSExch-Correlation-Key`, and `In-Reply-To`/`References` naming the
/// message read. Told apart from a person's reply by Exchange's own header together with the
/// subject's prefix; which message was read still comes only from In-Reply-To/References, never
/// from the subject.
enum ExchangeReadReceipt {
    /// `displayed` or `deleted` (not read), or nil when the message is not such a receipt.
    static func disposition(_ header: MIMEHeader) -> String? {
        guard header["X-MSExch-Correlation-Key"] != nil, header["In-Reply-To"] != nil || header["References"] != nil,
            let subject = header.decoded("Subject")?.trimmingWhitespace.lowercased()
        else { return nil }
        if notReadPrefixes.contains(where: { subject.hasPrefix($0) }) { return "deleted" }
        if readPrefixes.contains(where: { subject.hasPrefix($0) }) { return "displayed" }
        return nil
    }

    /// Outlook's prefixes in the languages NHS staff's mailboxes are most likely set to.
    static let notReadPrefixes = [
        "not read:", "ungelesen:", "non lu :", "non lu:", "no leído:", "no leido:", "non letto:", "niet gelezen:", "não lida:", "oläst:",
        "ikke læst:", "ulest:", "nie przeczytano:",
    ]
    static let readPrefixes = [
        "read:", "gelesen:", "lu :", "lu:", "leído:", "leido:", "letto:", "gelezen:", "lida:", "läst:", "læst:", "lest:", "luettu:",
        "przeczytano:",
    ]
}
