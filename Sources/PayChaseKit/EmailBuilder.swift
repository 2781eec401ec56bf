import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseMail

/// Turns a rendered document into an email from the practice, with the receipts the profile asks for.
public enum EmailBuilder {
    public static func message(for document: RenderedDocument, profile: PracticeProfile, date: Date = Date()) -> MailMessage {
        let practice = profile.practice
        return MailMessage(
            from: Mailbox(name: practice.name, address: practice.email),
            to: [Mailbox(name: document.recipient.name, address: document.recipient.email)],
            subject: document.subject ?? document.heading ?? document.template,
            body: document.emailText,
            date: date,
            readReceiptTo: profile.receipts.read ? profile.receipts.to : nil,
            deliveryReceiptTo: profile.receipts.delivery ? profile.receipts.to : nil,
            extraHeaders: [("X-PayChase-Claim", document.claimID), ("X-PayChase-Template", document.template)]
        )
    }
}
