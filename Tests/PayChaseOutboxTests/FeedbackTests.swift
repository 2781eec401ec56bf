import Foundation
import Logging
import PayChaseDomain
import PayChaseOutbox
import PayChaseTestSupport
import Testing

struct FeedbackTests {
    func entry(_ outcome: DeliveryRecord.Outcome, message: String, time: String, failed: Bool = false) -> DeliveryRecord {
        var record = DeliveryRecord(
            time: time,
            claimID: "C-1",
            template: "chase",
            queueID: "q-\(message)",
            messageID: message,
            from: "manager@riverside.example",
            to: ["payments@icb.example"],
            subject: "Payment query",
            server: "mail.example:587",
            reply: "250 2.0.0 Ok",
            outcome: outcome,
            sha256: String(repeating: message == "m1" ? "1" : "2", count: 64),
            dsnRequested: false,
            attempt: 1
        )
        if failed {
            record.sha256 = String(repeating: "f", count: 63) + (message == "m1" ? "1" : "2")
            record.receipt = .init(
                kind: "delivery-status",
                originalMessageID: message,
                matchedBy: "returned-headers",
                mailbox: "1:\(time.suffix(6))",
                action: "failed",
                status: "5.1.1"
            )
        }
        return record
    }

    func feedback(_ records: [DeliveryRecord]) throws -> ClaimFeedback? {
        let outbox = Outbox(root: try TestPaths.temporaryDirectory().path)
        let session = try OutboxSession(working: outbox, logger: .init(label: "test"))
        for record in records { try session.append(record) }
        return session.feedback()["C-1"]
    }

    @Test func onlyABounceAboutTheNewestEmailCounts() throws {
        let first = entry(.accepted, message: "m1", time: "2026-11-01T10:00:00.000Z")
        let resent = entry(.accepted, message: "m2", time: "2026-11-03T10:00:00.000Z")
        // The address was fixed and the chase sent again; the first one's bounce arrives late.
        let late = try feedback([first, resent, entry(.deliveryStatus, message: "m1", time: "2026-11-04T10:00:00.000Z", failed: true)])
        #expect(late?.bounced == nil)
        // A bounce about the newest one counts.
        let newest = try feedback([first, resent, entry(.deliveryStatus, message: "m2", time: "2026-11-04T10:00:00.000Z", failed: true)])
        #expect(newest?.bounced?.status == "5.1.1")
        // And a bounce before the resend is cleared by it.
        let cleared = try feedback([first, entry(.deliveryStatus, message: "m1", time: "2026-11-02T10:00:00.000Z", failed: true), resent])
        #expect(cleared?.bounced == nil)
    }
}
