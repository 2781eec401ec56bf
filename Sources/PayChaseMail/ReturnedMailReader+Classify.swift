extension ReturnedMailReader {
    /// What a message turned out to be, with the report it was known by.
    struct Classification {
        var kind: ReturnedMail.Kind
        var notification: DispositionNotification?
        var report: DeliveryStatusReport?
    }

    /// Standard reports first (their parts say exactly what they are), then feedback, then
    /// bounces in a server's own words, and only then automatic replies: bounces carry
    /// Auto-Submitted too. Anything left that names a message it replies to is a person's reply.
    static func classify(_ message: MIMEMessage) -> Classification {
        let header = message.header
        let tree = message.partTree
        let type = message.contentType
        let reportType = type.mediaType == "multipart/report" ? type[parameter: "report-type"]?.lowercased() : nil
        let isFeedback = reportType == "feedback-report" || tree.contains { isPart($0, "message/feedback-report") }

        if !isFeedback, reportType != "delivery-status",
            let part = tree.first(where: { isPart($0, "message/disposition-notification", "message/global-disposition-notification") })
        {
            let notification = DispositionNotification(part.bodyBytes)
            return Classification(kind: .readReceipt(disposition: notification.disposition, mode: notification.mode), notification: notification)
        }
        if !isFeedback, reportType != "disposition-notification",
            let part = tree.first(where: { isPart($0, "message/delivery-status", "message/global-delivery-status") })
        {
            let report = DeliveryStatusReport(part.bodyBytes)
            let recipients = report.recipients.isEmpty ? BounceSigns(message, readText: true).recipients : report.recipients
            return Classification(kind: .deliveryStatus(reportingMTA: report.reportingMTA, recipients: recipients), report: report)
        }
        if isFeedback || isUnsubscribeRequest(header) { return Classification(kind: .other) }
        if let disposition = ExchangeReadReceipt.disposition(header) {
            // Exchange does not say whether a person chose to send it: counted as automatic.
            return Classification(kind: .readReceipt(disposition: disposition, mode: .automatic))
        }
        let bounce = BounceSigns(message)
        if bounce.isBounce { return Classification(kind: .deliveryStatus(reportingMTA: nil, recipients: bounce.recipients)) }
        if AutoReplySigns.isAutomaticReply(header) { return Classification(kind: .automaticReply) }
        if header["In-Reply-To"] != nil || header["References"] != nil { return Classification(kind: .humanReply) }
        return Classification(kind: .other)
    }

    private static func isPart(_ part: MIMEMessage, _ mediaTypes: String...) -> Bool {
        mediaTypes.contains(part.contentType.mediaType)
    }

    /// Apple Mail's answer to a List-Unsubscribe address: sent for a person, but neither a
    /// reply nor a receipt, though it carries Auto-Submitted.
    private static func isUnsubscribeRequest(_ header: MIMEHeader) -> Bool {
        header["X-Apple-Unsubscribe"]?.lowercased() == "true"
    }
}
