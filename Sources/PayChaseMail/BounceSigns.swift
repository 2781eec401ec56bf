/// What marks a bounce that is not a standard delivery report (qmail, Exim, old Sendmail,
/// Exchange, webmail providers): who it is from, its subject, X-Failed-Recipients, a returned
/// message, and an SMTP status or the usual words in its text. One sign of a mail system and
/// one in the text are needed, so a person who writes "your letter was rejected" is not taken
/// for a mail server.
struct BounceSigns {
    let fromMailSystem: Bool
    let subjectSaysUndelivered: Bool
    let failedRecipients: [String]
    let textSaysUndelivered: Bool
    /// It carries a message or its headers back (`message/rfc822`, `text/rfc822-headers`).
    let returnsOriginal: Bool
    let status: SMTPStatusScan
    private let text: String
    private let subject: String
    private let ownAddresses: Set<String>

    /// Most text looked at, in bytes: bounces say what matters near the top.
    static let maxText = 64 * 1024

    /// The text (up to `maxText` bytes, decoded, searched for phrases and status codes) is read
    /// only when a header or the structure already points to a mail system, or when `readText`
    /// says so (a standard report whose recipients must come from its words): most mail that
    /// comes back is no bounce, and reading its text is most of the work.
    init(_ message: MIMEMessage, readText: Bool = false) {
        let header = message.header
        let from = (header.decoded("From") ?? "").trimmingWhitespace.lowercased()
        let subject = (header.decoded("Subject") ?? "").trimmingWhitespace.lowercased()
        self.subject = subject
        fromMailSystem = from.isEmpty || from == "<>" || Self.mailSystemSenders.contains { from.containsBytes($0) }
        subjectSaysUndelivered = !Self.replyPrefixes.contains { subject.hasPrefix($0) } && Self.subjectPhrases.contains { subject.containsBytes($0) }
        failedRecipients = header.values("X-Failed-Recipients").flatMap { EmailAddressScan.addresses(in: $0) }
        returnsOriginal = message.partTree.contains { Self.returnedTypes.contains($0.contentType.mediaType) }
        ownAddresses = Set((header.values("To") + header.values("Cc")).flatMap { EmailAddressScan.addresses(in: $0) }.map { $0.lowercased() })
        let worthReading = readText || !failedRecipients.isEmpty || fromMailSystem || subjectSaysUndelivered || returnsOriginal
        let text = worthReading ? Self.text(of: message) : ""
        self.text = text
        let lowered = text.lowercased()
        textSaysUndelivered = worthReading && Self.textPhrases.contains { lowered.containsBytes($0) }
        status = SMTPStatusScan(text)
    }

    var isBounce: Bool {
        if !failedRecipients.isEmpty { return true }
        if fromMailSystem && subjectSaysUndelivered { return true }
        return (fromMailSystem || subjectSaysUndelivered || returnsOriginal) && (textSaysUndelivered || status.enhanced != nil || status.reply != nil)
    }

    /// Best effort: the failed addresses it names, each with the first status in the text.
    /// With none named, one recipient without an address, so a failure still reads as one.
    var recipients: [RecipientStatus] {
        let action = self.action
        var addresses = failedRecipients
        if addresses.isEmpty { addresses = EmailAddressScan.recipients(inBounceText: text) }
        addresses = addresses.filter { !ownAddresses.contains($0.lowercased()) }
        var seen = Set<String>()
        addresses = addresses.filter { seen.insert($0.lowercased()).inserted }
        let status = status.enhanced
        let diagnostic = self.status.line
        if addresses.isEmpty { return [RecipientStatus(action: action, status: status, diagnosticCode: diagnostic)] }
        return addresses.prefix(50).map { RecipientStatus(finalRecipient: $0, action: action, status: status, diagnosticCode: diagnostic) }
    }

    /// Failed unless it says it is only delayed: "Returned mail: Deferred" was returned, so failed.
    var action: DeliveryAction {
        if Self.failedSubjectWords.contains(where: { subject.containsBytes($0) }) { return .failed }
        let lowered = text.lowercased()
        if Self.delayWords.contains(where: { subject.containsBytes($0) || lowered.containsBytes($0) }) { return .delayed }
        if let code = status.enhanced ?? status.reply, code.hasPrefix("4") { return .delayed }
        return .failed
    }

    /// The text parts through the multipart tree (not inside a returned message), up to
    /// `maxText` bytes, each cut before it is decoded.
    private static func text(of message: MIMEMessage) -> String {
        var text = ""
        var room = maxText
        for part in message.partTree where room > 0 {
            guard case .single = part.content else { continue }
            let type = part.contentType
            guard type.type == "text" || type.type == "multipart" || type.type == "message" else { continue }
            let bytes = part.bodyBytes.prefix(room)
            room -= bytes.count
            text += Charset.decode(bytes, charset: type[parameter: "charset"]) + "\n"
        }
        return text
    }

    private static let returnedTypes: Set<String> = ["message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"]
    private static let mailSystemSenders = ["mailer-daemon", "mailer daemon", "mail-daemon", "postmaster", "mail delivery", "mmsc ndr"]
    private static let replyPrefixes = ["re:", "aw:", "fw:", "fwd:", "wg:", "tr:"]
    private static let subjectPhrases = [
        "undeliver", "undelivered", "delivery status notification", "delivery notification", "failure notice", "delivery fail",
        "mail delivery", "returned mail", "could not be delivered", "not delivered", "delivery problem", "non remis", "unzustellbar",
        "non recapitabile", "no entregado", "mail system error", "nondeliverable", "non-deliverable", "delivery status",
        "failed delivery", "delivery error", "error sending", "mail failure", "delivery delayed", "delayed mail",
        "could not send", "returned to sender", "delivery failure",
    ]
    private static let textPhrases = [
        "could not be delivered", "couldn't be delivered", "was not delivered", "delivery has failed", "delivery failed",
        "undeliverable", "undelivered", "permanent error", "permanent fatal error", "user unknown", "mailbox unavailable",
        "mailbox is full", "delivery to the following recipient", "did not reach the following recipient",
        "following recipients returned", "could not deliver", "unable to deliver", "wasn't able to deliver", "failed permanently",
        "returned to sender", "not be delivered", "hop count exceeded", "will continue trying", "has been delayed",
        "no such user", "recipient address rejected", "message could not be sent",
    ]
    private static let failedSubjectWords = ["fail", "returned", "undeliver", "not delivered", "could not be delivered", "error"]
    private static let delayWords = ["delay", "deferred", "will continue trying", "will be retried", "not yet been delivered", "still trying"]
}
