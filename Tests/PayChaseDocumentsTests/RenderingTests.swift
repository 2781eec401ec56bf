import PayChaseDocuments
import PayChaseDomain
import PayChaseTestSupport
import Testing

struct RenderingTests {
    @Test func fillsInAmountsAndDatesTheUKWay() throws {
        let document = try DocumentFixture.render("chase", claim: "D-1")
        let text = document.emailText
        #expect(text.contains("Amount claimed: £1,234.56"))
        #expect(text.contains("Received so far: £234.56"))
        #expect(text.contains("Outstanding: £1,000.00"))
        #expect(text.contains("Claimed on: 30 September 2013"))
        #expect(text.contains("Payment was due by: 30 October 2013"))
        #expect(text.contains("Your reference: CQRS-1234"))
        #expect(text.contains("Riverside Medical Centre (ODS code F84001)"))
        #expect(document.subject == "Payment query: Dementia DES Q2 2013/14 (F84001, our ref D-1)")
        #expect(!text.contains("{{"), "no tag is left unrendered")
    }

    @Test func choosesTheSignOffFromTheSalutation() throws {
        let toNHSEngland = try DocumentFixture.render("chase", claim: "D-1")
        #expect(toNHSEngland.salutation == "Dear Sir or Madam")
        #expect(toNHSEngland.emailText.contains("Yours faithfully,"))
        let toNamedPerson = try DocumentFixture.render("chase", claim: "L-2")
        #expect(toNamedPerson.salutation == "Dear Ms Ní Bhriain")
        #expect(toNamedPerson.emailText.contains("Yours sincerely,"))
        #expect(toNamedPerson.recipient.person == "Ms Siobhán Ní Bhriain")
    }

    @Test func writesPlainTextNotHTML() throws {
        let document = try DocumentFixture.render("chase", claim: "L-2")
        #expect(document.emailText.contains("Smears & swabs LES"))
        #expect(!document.emailText.contains("&amp;"))
    }

    @Test func lateNoticeCitesTheRegulationAndTheTerminationDate() throws {
        let text = try DocumentFixture.render("late-payment-notice", claim: "D-1").paragraphs.joined(separator: "\n\n")
        #expect(text.contains("paragraph 63 of Schedule 3 to the National Health Service (General Medical Services Contracts) Regulations 2015"))
        #expect(text.contains("on or after 17 February 2014"), "28 days after 20 January 2014")
        #expect(text.contains("does not itself terminate the contract"))
    }

    @Test func aPMSPracticeMustNameItsOwnProvision() throws {
        var profile = DocumentFixture.profile
        profile.practice.contract = .pms
        let context = DocumentContext(claim: DocumentFixture.claim("D-1"), profile: profile, today: DocumentFixture.asOf)
        let template = DocumentFixture.builtins["late-payment-notice"]!
        #expect(throws: RenderError.self) { try DocumentRenderer().render(template, context: context) }
        profile.practice.latePaymentProvision = "paragraph X of Schedule 2 to the PMS Regulations 2015"
        let fixed = DocumentContext(claim: DocumentFixture.claim("D-1"), profile: profile, today: DocumentFixture.asOf)
        #expect(try DocumentRenderer().render(template, context: fixed).paragraphs[0].contains("paragraph X of Schedule 2"))
    }

    @Test func aMissingValueIsAnErrorNamingTemplateLineAndVariable() throws {
        let template = try DocumentFixture.template("""
            ---
            kind: email
            to: paymaster
            subject: "About {{claim.id}}"
            ---
            Hello.

            Your reference is {{claim.reference}}.
            """, name: "careless")
        let context = DocumentContext(claim: DocumentFixture.claim("L-2"), profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        do {
            _ = try DocumentRenderer().render(template, context: context)
            Issue.record("rendering should have failed")
        } catch {
            #expect(error.description == "careless.mustache:8: no value for claim.reference (wrap it in {{#claim.reference}}...{{/claim.reference}} if it may be blank) (claim L-2)")
        }
        let guarded = try DocumentFixture.template("""
            ---
            kind: email
            to: paymaster
            subject: "About {{claim.id}}"
            ---
            Hello.{{#claim.reference}} Your reference is {{claim.reference}}.{{/claim.reference}}
            """)
        #expect(try DocumentRenderer().render(guarded, context: context).paragraphs == ["Hello."])
    }

    @Test func checkNamesUnknownVariablesWithTheirLines() throws {
        let template = try DocumentFixture.template("""
            ---
            kind: letter
            to: paymaster
            heading: "About {{claim.servise}}"
            ---
            Dear {{recipient.name}},
            {{#attempts}}
            - {{date}} {{colour}}
            {{/attempts}}
            {{practice.fax}}
            """, name: "typos")
        #expect(template.check(against: DocumentSchema.value).map(\.description) == [
            "typos.mustache:4: unknown variable claim.servise",
            "typos.mustache:8: unknown variable colour",
            "typos.mustache:10: unknown variable practice.fax",
        ])
        #expect(template.variables(schema: DocumentSchema.value) == ["attempts", "attempts.colour", "attempts.date", "claim.servise", "practice.fax", "recipient.name"])
    }

    @Test func reportsBrokenTemplatesWithTheirLines() {
        #expect(throws: TemplateError(file: "t.mustache", line: 1, message: "must start with front matter between two '---' lines (kind, to, subject)")) {
            try DocumentFixture.template("Hello", name: "t")
        }
        #expect(throws: TemplateError(file: "t.mustache", line: 2, message: "kind: must be email, letter, or email + letter")) {
            try DocumentFixture.template("---\nkind: fax\nto: lmc\n---\nHi", name: "t")
        }
        #expect(throws: TemplateError(file: "t.mustache", line: 6, message: "{{#claim.reference}} is never closed with {{/claim.reference}}")) {
            try DocumentFixture.template("---\nkind: email\nto: lmc\nsubject: S\n---\n{{#claim.reference}}\nx", name: "t")
        }
    }

    @Test func aPracticesOwnTemplatesOverrideTheBuiltInsByName() throws {
        let library = TemplateLibrary(builtins: TestPaths.templates.path, overrides: DocumentFixture.path("override"))
        #expect(library.names == DocumentName.all + ["thank-you"])
        let context = DocumentContext(claim: DocumentFixture.claim("D-1"), profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        let chase = try DocumentRenderer().render(library["chase"]!, context: context)
        #expect(chase.subject == "Our own chase for D-1")
        #expect(chase.paragraphs == ["Please pay £1,000.00 for Dementia DES."])
        #expect(library["appeal"]!.file.hasPrefix(TestPaths.templates.path))
    }

    @Test func appealIsOnlyForNHSEngland() {
        #expect(throws: RenderError.self) { try DocumentFixture.render("appeal", claim: "L-2") }
    }
}
