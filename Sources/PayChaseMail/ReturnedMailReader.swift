/// Reads mail that comes back to the practice (receipts, bounces, replies) and says what it
/// is and which sent message it names. Pure: bytes in, a value out, no I/O.
public enum ReturnedMailReader {
    public static func read(_ bytes: [UInt8]) -> ReturnedMail {
        // Attachments (a PDF, an image) say nothing of what came back: left encoded.
        read(MIMEMessage(parsing: bytes, limits: .init(decodesOpaqueParts: false)))
    }

    public static func read(_ message: MIMEMessage) -> ReturnedMail {
        let header = message.header
        let classification = classify(message)
        return ReturnedMail(
            kind: classification.kind,
            candidates: candidates(message, classification),
            messageID: MessageIDList.first(in: header["Message-ID"]),
            date: header["Date"],
            from: header.decoded("From"),
            subject: header.decoded("Subject"),
            dispositionNotification: classification.notification
        )
    }
}
