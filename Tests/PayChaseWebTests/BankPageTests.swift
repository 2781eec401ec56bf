import Foundation
import PayChaseTestSupport
import Testing

/// Issue 20.1: the Bank page: upload a statement, review the proposals, tick and confirm.
struct BankPageTests {
    static let statement = """
        Date,Description,Amount
        01/12/2026,"NHS ENGLAND, CQRS-88123 QOF","£3,480.00"
        02/12/2026,NHS SBS PRIMARY CARE,"1,020.50"
        06/12/2026,A N OTHER,99.99

        """

    @Test func theProposalsAreReviewedTickedAndOnlyTheTickedRecorded() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/bank")
            #expect(page.body.contains("<form name=\"bank\" method=\"post\" action=\"/bank\" enctype=\"multipart/form-data\""))
            let refused = try await browser.upload("/bank", csrf: "wrong", file: Self.statement, named: "statement")
            #expect(refused.status == .forbidden, "no POST without its CSRF token")
            let review = try await browser.upload("/bank", csrf: page.csrf!, file: Self.statement, named: "statement")
            #expect(review.status == .ok, "\(review.text)")
            #expect(review.body.contains("<table id=\"proposals\">"))
            #expect(review.text.contains("Read as HSBC."))
            // The certain proposal comes ticked, the likely one not; the unplaced credit is listed apart.
            let boxes = review.body.components(separatedBy: "type=\"checkbox\"").dropFirst()
            #expect(boxes.count == 2)
            #expect(boxes.first?.prefix(300).contains("checked") == true)
            #expect(boxes.last?.prefix(300).contains("checked") == false)
            #expect(review.body.contains("<table id=\"unplaced\">") && review.text.contains("A N OTHER"))
            #expect(!fixture.folder.exists("Outbox/deliveries.jsonl"), "nothing recorded by reading")

            // Confirm with both ticked: the likely one too, as a person decided.
            let lines = review.body.matches(of: #/name="line" value="([0-9a-f]{64}\|[^"]+)"/#).map { String($0.1) }
            #expect(lines.count == 2)
            let key = try #require(review.input("statement"))
            let done = try await browser.post("/bank/confirm", [("csrf", review.csrf!), ("statement", key)] + lines.map { ("line", $0) })
            #expect(done.status == .seeOther)
            #expect(try await browser.get("/bank").text.contains("Recorded 2 payment(s) from the statement."))
            // The same statement again: nothing recorded twice.
            let again = try await browser.upload("/bank", csrf: page.csrf!, file: Self.statement, named: "statement")
            #expect(again.text.contains("2 credit(s) were already recorded from an earlier statement"))
            let twice = try await browser.post("/bank/confirm", [("csrf", review.csrf!), ("statement", key)] + lines.map { ("line", $0) })
            #expect(twice.status == .seeOther)
            #expect(try await browser.get("/bank").text.contains("Recorded 0 payment(s) from the statement."))
            // The reviewed upload is gone once confirmed: confirming it once more is refused.
            let thrice = try await browser.post("/bank/confirm", [("csrf", review.csrf!), ("statement", key)] + lines.map { ("line", $0) })
            #expect(thrice.status == .badRequest && thrice.text.contains("is not one uploaded here"), "\(thrice.text)")
        }
        #expect(try fixture.folder.read("Outbox/deliveries.jsonl").split(separator: "\n").count == 2)
    }

    /// What was reviewed is what is recorded: if the record changed meanwhile, nothing is.
    @Test func aConfirmationAfterTheRecordChangedRecordsNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/bank")
            let review = try await browser.upload("/bank", csrf: page.csrf!, file: Self.statement, named: "statement")
            let lines = review.body.matches(of: #/name="line" value="([0-9a-f]{64}\|[^"]+)"/#).map { String($0.1) }
            let key = try #require(review.input("statement"))
            // Meanwhile L-2026-011's payment is typed in on its page.
            let claim = try await browser.get("/claims/L-2026-011")
            _ = try await browser.post("/claims/L-2026-011/payment", [("csrf", claim.csrf!), ("amount", "1,020.50")])
            let late = try await browser.post("/bank/confirm", [("csrf", review.csrf!), ("statement", key)] + lines.map { ("line", $0) })
            #expect(late.status.code / 100 == 4 && late.text.contains("the record has changed since the statement was reviewed"), "\(late.text)")
        }
        #expect(try fixture.folder.read("Outbox/deliveries.jsonl").split(separator: "\n").count == 1, "only the payment typed in")
    }
}
