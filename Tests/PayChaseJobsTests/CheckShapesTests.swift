import Foundation
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport
import Testing

/// Issue 22.2: `check` renders one claim per shape of its data; it must find exactly what
/// rendering every claim finds, claim for claim, whatever mix of fields the claims have.
struct CheckShapesTests {
    @Test func theShapesFindWhatRenderingEveryClaimFinds() throws {
        let kit = try KitFixture()
        // 400 claims, each with its own mix of the optional fields, categories and paymasters;
        // one (with every field the body needs, so its subject is reached) with a control character in its notes, which a template puts in its subject.
        var lines = [
            "claim_id,service,category,period,amount,paid,submitted_on,approved_on,due_on,evidence,reference,invoice_ref,po_number,calculation,notes"
        ]
        for index in 1...400 {
            func maybe(_ bit: Int, _ text: String) -> String { index & (1 << bit) != 0 ? text : "" }
            let category = ["QOF", "DES", "LES", "PH"][index % 4]
            let notes = index == 317 ? "\"first\u{0B}second\"" : maybe(6, "note \(index)")
            lines.append(
                "X-\(index),Service \(index % 5),\(category),Q\(1 + index % 4) 2026/27,\(100 + index).00,\(maybe(7, "10.00")),2026-0\(1 + index % 9)-1\(index % 9),"
                    + "\(maybe(0, "2026-10-01")),\(maybe(1, "2026-11-01")),\(maybe(2, "Log")),\(maybe(3, "REF-\(index)")),\(maybe(4, "INV-\(index)")),"
                    + "\(maybe(5, "PO-\(index)")),\(maybe(8, "\(index) × £1.00")),\(notes)"
            )
        }
        try kit.folder.write("claims.csv", lines.joined(separator: "\n") + "\n")
        try kit.folder.write(
            "mine/chase.mustache",
            TemplateText.email(
                subject: "Payment {{claim.id}} {{#claim.notes}}{{claim.notes}}{{/claim.notes}}",
                body:
                    "Ref {{claim.reference}}, invoice {{claim.invoice_ref}}, PO {{claim.po_number}}, {{claim.calculation}}, approved {{claim.approved_on}}, evidence {{claim.evidence}}."
            )
        )
        var workspace = kit.workspace
        workspace.templatesPath = kit.folder.path + "/mine"
        func problems(everyClaim: Bool) throws -> [String] {
            var job = CheckJob(workspace: workspace, asOf: CalendarDate(year: 2026, month: 11, day: 22)!)
            job.renderEveryClaim = everyClaim
            do {
                _ = try job.run(logger: kit.logger)
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        let shaped = try problems(everyClaim: false)
        let rendered = try problems(everyClaim: true)
        #expect(shaped == rendered)
        #expect(rendered.count >= 6, "each optional field left blank somewhere, and the subject: \(rendered)")
        #expect(rendered.contains { $0.contains("subject would contain a line break or control character") && $0.contains("X-317") }, "\(rendered)")
    }
}
