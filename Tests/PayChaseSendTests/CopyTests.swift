import Foundation
import PayChaseTestSupport
import Testing

extension SendTests {
    @Test func onceTheLMCIsInvolvedEmailsCopyItForReal() throws {
        let practice = try SendingPractice()
        let rig = practice.rig
        let referral = try practice.paychase("send", "lmc-referral", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(referral.status == 0, "\(referral.stderr)")
        let chase = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(chase.status == 0, "\(chase.stderr)")
        let messageID = try practice.sentMessageID("D-2026-014")

        // The paymaster and the LMC each hold the chase exactly once, and both see who was copied.
        #expect(rig.waitForDelivery(to: "help@lmc.example", count: 2))
        // Each recipient's copy is delivered on its own: wait for the paymaster's too.
        #expect(rig.waitForDelivery(to: "nelicb.payments@nhs.example", count: 1))
        #expect(rig.messageIDCounts(to: "nelicb.payments@nhs.example")[messageID] == 1)
        #expect(rig.messageIDCounts(to: "help@lmc.example")[messageID] == 1)
        let arrived = try #require(
            rig.deliveredFiles(to: "help@lmc.example").first {
                (try? String(contentsOfFile: $0, encoding: .utf8))?.contains(messageID) == true
            }
        )
        let parsed = try ParsedEmail.parse(path: arrived)
        #expect(parsed.header("To") == "\"NHS North East London ICB (primary care payments)\" <nelicb.payments@nhs.example>")
        #expect(parsed.header("Cc") == "Londonwide LMCs <help@lmc.example>")
        #expect(parsed.body?.contains("cc: Londonwide LMCs") == true)

        // The record says who the server was asked to deliver to.
        let entry = try #require(try practice.logEntries().last)
        #expect(entry["to"] as? [String] == ["nelicb.payments@nhs.example", "help@lmc.example"])
    }
}
