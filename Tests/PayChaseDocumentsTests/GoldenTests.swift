import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseTestSupport
import Testing

/// Every built-in document, for every route it serves, compared with a reviewed golden file.
/// A difference fails. After a deliberate change run with UPDATE_GOLDEN=1: the new text is
/// written beside the old for review with `git diff`, and the test still fails that run.
struct GoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var golden: String
        var template: String
        var claim: String
        var attempts: [Attempt] = []
        var replied: CalendarDate?
        var profile = "gms"
        /// The agreement the claim's contract column names, when not its category's.
        var contract: String?
        /// The record proves the evidence went by email (issue 23.3).
        var proved = false
        var testDescription: String { golden }
    }

    /// Evidence emailed on 2 August 2026 at 09:14 in London (08:14 UTC), read at 10:02.
    static let proof: EvidenceProof = {
        var proof = EvidenceProof(
            acceptedAt: Date(timeIntervalSince1970: 1_785_658_440),
            to: ["nelicb.payments@nhs.example"],
            messageID: "<evidence@riverside.example>",
            reply: "250 2.0.0 Ok: queued as 4B1C2D",
            sha256: String(repeating: "a", count: 64)
        )
        proof.read = Date(timeIntervalSince1970: 1_785_661_320)
        proof.filedIn = "Sent Items"
        return proof
    }()

    static func on(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2026, month: month, day: day)! }
    static let chased = [Attempt(template: "chase", date: on(9, 1), to: "nelicb.payments@nhs.example")]
    static let chasedTwice = chased + [Attempt(template: "chase", date: on(9, 16), to: "nelicb.payments@nhs.example")]
    static let referred = chasedTwice + [Attempt(template: "lmc-referral", date: on(10, 1), to: "help@lmc.example")]
    /// The council's claim is chased at the council, never at the ICB.
    static let chasedCouncilTwice = [
        Attempt(template: "chase", date: on(9, 1), to: "publichealth@la.example"),
        Attempt(template: "chase", date: on(9, 16), to: "publichealth@la.example"),
    ]
    static let noticed =
        referred + [Attempt(template: "late-payment-notice", date: on(10, 20), method: .post, to: "NHS North East London Integrated Care Board")]
    /// The notice, then a request to resolve it locally, as regulation 81 expects before a referral.
    static let locallyTried =
        noticed + [Attempt(template: "local-resolution", date: on(11, 18), method: .email, to: "nelicb.primarycare@nhs.example")]

    static let cases: [Case] = [
        Case(golden: "chase-icb-part-paid", template: "chase", claim: "D-1"),
        Case(golden: "chase-second-assumed-due", template: "chase", claim: "L-2", attempts: chased),
        Case(golden: "chase-local-authority", template: "chase", claim: "P-3"),
        Case(golden: "appeal-gms", template: "appeal", claim: "D-1", attempts: chased),
        Case(golden: "lmc-referral-icb", template: "lmc-referral", claim: "L-2", attempts: chasedTwice),
        Case(golden: "lmc-referral-local-authority", template: "lmc-referral", claim: "P-3", attempts: chasedCouncilTwice),
        Case(golden: "lmc-referral-replied", template: "lmc-referral", claim: "L-2", attempts: chasedTwice, replied: on(9, 20)),
        Case(golden: "lmc-referral-out-of-time", template: "lmc-referral", claim: "Q-4", attempts: chasedTwice),
        Case(golden: "chase-lmc-involved", template: "chase", claim: "D-1", attempts: referred),
        Case(golden: "chase-local-authority-replied", template: "chase", claim: "P-3", attempts: chasedCouncilTwice, replied: on(9, 20)),
        Case(golden: "late-payment-notice-gms", template: "late-payment-notice", claim: "D-1", attempts: referred),
        Case(golden: "late-payment-notice-pms", template: "late-payment-notice", claim: "D-1", attempts: referred, profile: "pms"),
        Case(golden: "late-payment-notice-pms-unset", template: "late-payment-notice", claim: "D-1", profile: "pms-unset"),
        Case(golden: "late-payment-notice-apms", template: "late-payment-notice", claim: "D-1", attempts: referred, profile: "apms"),
        Case(golden: "formal-complaint-replied", template: "formal-complaint", claim: "D-1", attempts: chasedTwice, replied: on(9, 20)),
        Case(golden: "formal-complaint-in-time", template: "formal-complaint", claim: "D-1", attempts: chased),
        Case(golden: "formal-complaint-out-of-time", template: "formal-complaint", claim: "Q-4"),
        Case(golden: "local-resolution-gms", template: "local-resolution", claim: "D-1", attempts: noticed),
        Case(golden: "payment-acknowledgement-settled", template: "payment-acknowledgement", claim: "D-6", attempts: locallyTried),
        Case(golden: "payment-acknowledgement-part-paid", template: "payment-acknowledgement", claim: "D-1", attempts: noticed),
        Case(golden: "dispute-resolution-nhs-contract", template: "dispute-resolution", claim: "D-1", attempts: locallyTried),
        Case(golden: "dispute-resolution-private-law", template: "dispute-resolution", claim: "D-1", attempts: noticed, profile: "private-law"),
        Case(golden: "dispute-resolution-out-of-time", template: "dispute-resolution", claim: "Q-4"),
        Case(golden: "dispute-resolution-pms", template: "dispute-resolution", claim: "D-1", attempts: noticed, profile: "pms"),
        Case(golden: "dispute-resolution-pms-unset", template: "dispute-resolution", claim: "D-1", attempts: noticed, profile: "pms-unset"),
        Case(golden: "dispute-resolution-replied", template: "dispute-resolution", claim: "D-1", attempts: noticed, replied: on(10, 2)),
        Case(golden: "letter-before-claim-local-authority", template: "letter-before-claim", claim: "P-3", attempts: chasedCouncilTwice),
        Case(golden: "letter-before-claim-private-law", template: "letter-before-claim", claim: "D-1", attempts: noticed, profile: "private-law"),
        Case(golden: "letter-before-claim-assumed-due", template: "letter-before-claim", claim: "L-2", attempts: chasedTwice, profile: "lcs-private"),
        Case(golden: "late-payment-notice-assumed-due", template: "late-payment-notice", claim: "D-5", attempts: referred),
        Case(golden: "late-payment-notice-notices-clause", template: "late-payment-notice", claim: "D-1", attempts: referred, profile: "gms-notices"),
        Case(golden: "chase-lcs-nhs-contract", template: "chase", claim: "L-2", profile: "lcs-nhs"),
        Case(golden: "lmc-referral-lcs-nhs-contract", template: "lmc-referral", claim: "L-2", attempts: chasedTwice, profile: "lcs-nhs"),
        Case(
            golden: "letter-before-claim-lcs-nhs-contract",
            template: "letter-before-claim",
            claim: "L-2",
            attempts: chasedTwice,
            profile: "lcs-nhs"
        ),
        Case(
            golden: "late-payment-notice-lcs-nhs-contract",
            template: "late-payment-notice",
            claim: "L-2",
            attempts: chasedTwice,
            profile: "lcs-nhs"
        ),
        Case(
            golden: "letter-before-claim-other-private",
            template: "letter-before-claim",
            claim: "L-2",
            attempts: chasedTwice,
            profile: "other-private",
            contract: "federation"
        ),
        Case(golden: "chase-other-private", template: "chase", claim: "L-2", profile: "other-private", contract: "federation"),
        Case(golden: "evidence-submission-icb", template: "evidence-submission", claim: "D-1"),
        Case(golden: "appeal-evidence-proved", template: "appeal", claim: "D-1", attempts: chased, proved: true),
        Case(golden: "dispute-resolution-evidence-proved", template: "dispute-resolution", claim: "D-1", attempts: locallyTried, proved: true),
        Case(golden: "partners-decision-notice", template: "partners-decision", claim: "D-1", attempts: referred),
        Case(golden: "partners-decision-local-authority", template: "partners-decision", claim: "P-3", attempts: chasedCouncilTwice),
        Case(golden: "partners-decision-lcs-private", template: "partners-decision", claim: "L-2", attempts: chasedTwice, profile: "lcs-private"),
        Case(
            golden: "partners-decision-private-law-after-notice",
            template: "partners-decision",
            claim: "D-1",
            attempts: noticed,
            profile: "private-law"
        ),
    ]

    @Test(arguments: cases)
    func documentMatchesItsGoldenFile(_ item: Case) throws {
        let text: String
        var feedback = ClaimFeedback()
        feedback.replied = item.replied
        if item.proved { feedback.evidence = Self.proof }
        do {
            let document = try DocumentFixture.render(
                item.template,
                claim: item.claim,
                attempts: item.attempts,
                feedback: feedback,
                profile: DocumentFixture.profile(item.profile),
                contract: item.contract
            )
            text = Self.text(of: document)
        } catch let error as RenderError {
            // The templates' folder as the repository names it, wherever the checkout is.
            text = "not drafted:\n\(error.description.replacingOccurrences(of: TestPaths.templates.path + "/", with: "Templates/"))\n"
        }
        let url = DocumentFixture.directory.appendingPathComponent("Golden/\(item.golden).txt")
        let golden = try? String(contentsOf: url, encoding: .utf8)
        if text != golden, ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == golden, "\(item.golden).txt differs from the document (UPDATE_GOLDEN=1 writes the new text for review)")
    }

    /// What the practice reviews: the warning, then the email text or the letter's parts.
    static func text(of document: RenderedDocument) -> String {
        var lines: [String] = []
        if let warning = document.warning { lines += ["WARNING: \(warning)", ""] }
        if !document.isMinute { lines += ["To: \(document.recipient.name) <\(document.recipient.email)>"] }
        if document.forms.contains(.email), !document.copiesTo.isEmpty {
            lines += ["Cc: " + document.copiesTo.map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")]
        }
        if let subject = document.subject { lines += ["Subject: \(subject)"] }
        if let heading = document.heading { lines += ["Heading: \(heading)"] }
        lines += [""]
        if document.forms.contains(.email) {
            lines += [document.emailText]
        } else if document.isMinute {
            lines += document.paragraphs.flatMap { [$0, ""] }
        } else {
            lines += ["\(document.salutation),", ""] + document.paragraphs.flatMap { [$0, ""] }
            lines += ["\(document.signOff),"] + document.signatureLines
            if !document.cc.isEmpty { lines += ["cc: " + document.cc.joined(separator: "; ")] }
            lines += document.enclosures.map { "Enc: \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyBuiltInTemplateHasAGoldenCase() {
        #expect(Set(Self.cases.map(\.template)) == Set(DocumentName.all))
        #expect(DocumentFixture.builtins.problems.isEmpty)
        #expect(DocumentFixture.builtins.names == DocumentName.all)
    }

    @Test func everyTemplateThatCitesLawListsItsSources() {
        for name in DocumentFixture.builtins.names {
            let template = DocumentFixture.builtins[name]!
            let text = (try? String(contentsOfFile: template.file, encoding: .utf8)) ?? ""
            let cites =
                ["Regulations", "Act 1998", "Practice Direction", "paragraph", "regulation"].contains { text.contains($0) }
                || name == "late-payment-notice" || name == "dispute-resolution"
            if cites { #expect(!template.sources.isEmpty, "\(name) cites law but lists no sources") }
            #expect(template.sources.allSatisfy { $0.hasPrefix("https://") })
        }
    }
}
