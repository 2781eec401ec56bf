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
        #expect(text.contains("Claimed on: 30 July 2026"))
        #expect(text.contains("Approved on: 5 August 2026"))
        #expect(text.contains("Payment was due by: 4 September 2026\n"), "30 days after approval, and not called an assumption")
        #expect(text.contains("Your reference: CQRS-1234"))
        #expect(text.contains("How the amount was worked out: 41 patients × £30.11"))
        #expect(text.contains("Riverside Medical Centre (ODS code F84001)"))
        #expect(text.contains("by 9 December 2026"), "a reply-by date 14 days on")
        #expect(document.subject == "Payment query: Dementia DES Q1 2026/27 (F84001, our ref D-1)")
        #expect(!text.contains("{{"), "no tag is left unrendered")
    }

    @Test func choosesTheSignOffFromTheSalutation() throws {
        let toTheCouncil = try DocumentFixture.render("chase", claim: "P-3")
        #expect(toTheCouncil.salutation == "Dear Sir or Madam")
        #expect(toTheCouncil.emailText.contains("Yours faithfully,"))
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
        // Drafted on Wednesday 25 November 2026, sent by email and by post: the letter counts as given on
        // the second working day after posting, the later of the two; 28 days after that.
        #expect(
            text.contains(
                "This notice is sent today by email and by post, and is given on 27 November 2026 (taking an email as given on the next working day after it is sent and a letter on the second working day after it is posted, the later governing), so the contract could be ended on or after 25 December 2026."
            )
        )
        #expect(text.contains("does not itself end the contract"))
        let document = try DocumentFixture.render("late-payment-notice", claim: "D-1")
        #expect(document.recipient.address.first == "Primary Care Contracts", "served at the commissioner's notice address")
        #expect(
            document.signatureLines == ["Dr A Shah", "Senior Partner", "for and on behalf of Dr A Shah, Dr B Jones and Dr C Okafor (a partnership)"]
        )
        #expect(document.warning?.hasPrefix("A serious step") == true)
    }

    @Test func aPMSPracticeMustNameItsOwnProvision() throws {
        var profile = DocumentFixture.profile
        profile.practice.contract = .pms
        let context = DocumentContext(claim: DocumentFixture.claim("D-1"), profile: profile, today: DocumentFixture.asOf)
        let template = DocumentFixture.builtins["late-payment-notice"]!
        let error = #expect(throws: RenderError.self) { try DocumentRenderer().render(template, context: context) }
        #expect(error?.missingSettings.map(\.setting) == ["practice.late_payment_provision"])
        #expect(error?.problems.isEmpty == true, "a missing setting, not a broken template")
        profile.practice.latePaymentProvision = "paragraph X of Schedule 2 to the PMS Regulations 2015"
        let fixed = DocumentContext(claim: DocumentFixture.claim("D-1"), profile: profile, today: DocumentFixture.asOf)
        #expect(try DocumentRenderer().render(template, context: fixed).paragraphs[0].contains("paragraph X of Schedule 2"))
    }

    @Test func aMissingValueIsAnErrorNamingTemplateLineAndVariable() throws {
        let template = try DocumentFixture.template(
            TemplateText.email(subject: "About {{claim.id}}", body: "Hello.\n\nYour reference is {{claim.reference}}."),
            name: "careless"
        )
        let context = DocumentContext(claim: DocumentFixture.claim("L-2"), profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        do {
            _ = try DocumentRenderer().render(template, context: context)
            Issue.record("rendering should have failed")
        } catch {
            #expect(
                error.description
                    == "careless.mustache:8: no value for claim.reference (wrap it in {{#claim.reference}}...{{/claim.reference}} if it may be blank) (claim L-2)"
            )
        }
        let guarded = try DocumentFixture.template(
            TemplateText.email(
                subject: "About {{claim.id}}",
                body: "Hello.{{#claim.reference}} Your reference is {{claim.reference}}.{{/claim.reference}}"
            )
        )
        #expect(try DocumentRenderer().render(guarded, context: context).paragraphs == ["Hello."])
    }

    @Test func checkNamesUnknownVariablesWithTheirLines() throws {
        let template = try DocumentFixture.template(
            """
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
            """,
            name: "typos"
        )
        #expect(
            template.check(against: DocumentSchema.value).map(\.description) == [
                "typos.mustache:4: unknown variable claim.servise",
                "typos.mustache:8: unknown variable colour",
                "typos.mustache:10: unknown variable practice.fax",
            ]
        )
        #expect(
            template.variables(schema: DocumentSchema.value) == [
                "attempts", "attempts.colour", "attempts.date", "claim.servise", "practice.fax", "recipient.name",
            ]
        )
    }

    /// A practice's own template may use what Mustache offers: a section over a group, an
    /// inverted section, a transform on a value, a name from outside a section over a text.
    @Test func aTemplateUsesSectionsAndTransformsAsMustacheHasThem() throws {
        let template = try DocumentFixture.template(
            """
            ---
            kind: email
            to: lmc
            subject: "{{uppercased(claim.service)}} for {{claim.id}}"
            ---
            {{#claim}}Claim {{id}} for {{service}}, reference {{reference}}.{{/claim}}

            {{^claim.reference}}No reference.{{/claim.reference}}{{#claim.reference}}Quoted: {{.}} for {{claim.id}}{{/claim.reference}}

            {{lowercased(claim.service)}} & more
            """
        )
        let context = DocumentContext(claim: DocumentFixture.claim("D-1"), profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        let email = try DocumentRenderer().render(template, context: context)
        #expect(email.subject == "DEMENTIA DES for D-1")
        #expect(email.paragraphs == ["Claim D-1 for Dementia DES, reference CQRS-1234.", "Quoted: CQRS-1234 for D-1", "dementia des & more"])
    }

    @Test func reportsBrokenTemplatesWithTheirLines() {
        #expect(
            throws: TemplateError(file: "t.mustache", line: 1, message: "must start with front matter between two '---' lines (kind, to, subject)")
        ) {
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

    @Test func theAppealIsForGPContractClaimsOnly() throws {
        let error = #expect(throws: RenderError.self) { try DocumentFixture.render("appeal", claim: "P-3") }
        #expect(error?.description.contains("is only for claims under the GP contract") == true)
        #expect(try DocumentFixture.render("appeal", claim: "D-1").recipient.name == "NHS North East London Integrated Care Board")
    }

    /// Issue 19.2: an LES bought under a separate agreement gets none of the GP contract's
    /// documents (para 63 notice, GMS appeal, complaint, GMS dispute resolution), even when the
    /// practice holds a GMS contract; it goes on by its own agreement to a letter before claim.
    @Test(arguments: ["appeal", "late-payment-notice", "formal-complaint", "dispute-resolution"])
    func anLESIsNotAGMSPayment(template: String) throws {
        let error = #expect(throws: RenderError.self) { try DocumentFixture.render(template, claim: "L-2") }
        #expect(error?.description.contains("is only for claims under the GP contract") == true, "\(String(describing: error))")
    }

    @Test func anLESUnderAnAgreementInPrivateLawGetsALetterBeforeClaim() throws {
        let letter = try DocumentFixture.render("letter-before-claim", claim: "L-2", profile: DocumentFixture.profile("lcs-private"))
        let text = letter.paragraphs.joined(separator: "\n")
        #expect(
            text.contains("owed under the practice's agreement for a locally commissioned service with NHS North East London Integrated Care Board")
        )
        #expect(text.contains("The agreement has its own procedure for resolving disputes (clause 14 of the agreement)"))
        #expect(!text.contains("paragraph 63"))
        #expect(!text.contains("General Medical Services"), "\(text)")
    }

    /// Issue 19.6: a letter before claim is the contractor's, to the contracting legal entity at
    /// its address for notices, signed for the contractor by a partner.
    @Test func theLetterBeforeClaimIsTheContractorsToTheContractingParty() throws {
        var profile = DocumentFixture.profile
        let index = try #require(profile.contracts.firstIndex { $0.kind == .publicHealth })
        profile.contracts[index].party = LegalEntity(
            name: "The Mayor and Burgesses of the London Borough of Tower Hamlets",
            noticeAddress: ["Legal Services", "Town Hall", "160 Whitechapel Road", "London", "E1 1BJ"]
        )
        let letter = try DocumentFixture.render("letter-before-claim", claim: "P-3", profile: profile)
        #expect(letter.recipient.name == "The Mayor and Burgesses of the London Borough of Tower Hamlets")
        #expect(letter.recipient.address.first == "Legal Services", "the notice address, not a payments clerk's")
        #expect(letter.recipient.email == "publichealth@la.example", "the copy by email goes where the council takes its mail")
        #expect(letter.signatory == Signatory(name: "Dr A Shah", role: "Senior Partner"))
        #expect(letter.onBehalfOf == "Dr A Shah, Dr B Jones and Dr C Okafor (a partnership)")
        #expect(
            letter.paragraphs[0].contains(
                "Dr A Shah, Dr B Jones and Dr C Okafor (a partnership), trading as Riverside Medical Centre (ODS code F84001), the contractor, claims from The Mayor and Burgesses of the London Borough of Tower Hamlets"
            )
        )
    }

    /// Issue 19.6: the contractor asks for dispute resolution and a partner signs; NHS Resolution
    /// has no reference until it gives one, and an NHS contract's dispute goes under s9(6).
    @Test func theDisputeResolutionRequestIsTheContractorsWithNoBorrowedReference() throws {
        let request = try DocumentFixture.render("dispute-resolution", claim: "D-1", profile: Self.withDisputeBody)
        #expect(request.yourReference == nil, "not the CQRS reference")
        #expect(request.ourReference == "D-1")
        #expect(request.signatory.name == "Dr A Shah" && request.onBehalfOf == "Dr A Shah, Dr B Jones and Dr C Okafor (a partnership)")
        #expect(request.paragraphs[0].contains("the dispute is referred in accordance with section 9(6) of the National Health Service Act 2006"))
        let privateLaw = try DocumentFixture.render(
            "dispute-resolution",
            claim: "D-1",
            profile: Self.withDisputeBody(DocumentFixture.profile("private-law"))
        )
        #expect(!privateLaw.paragraphs[0].contains("section 9(6)"), "not an NHS contract: regulation 82, not section 9(6)")
    }

    static var withDisputeBody: PracticeProfile { withDisputeBody(DocumentFixture.profile) }

    static func withDisputeBody(_ profile: PracticeProfile) -> PracticeProfile {
        var profile = profile
        profile.disputeResolution =
            profile.disputeResolution ?? Contact(name: "Primary Care Appeals", email: "appeals@resolution.example", address: ["1 Street"])
        return profile
    }

    /// Issue 19.9: an email says the letter attached is an unsigned copy, lists as attached only
    /// the letter, offers the rest, and warns when the claim's text looks like patient data.
    @Test func anEmailSaysOnlyWhatIsTrueOfIt() throws {
        let appeal = try DocumentFixture.render("appeal", claim: "D-1")
        let text = appeal.emailText(attaching: "D-1-appeal.pdf")
        #expect(text.contains("The letter is attached as a PDF (D-1-appeal.pdf): an unsigned copy; the signed original follows by post."))
        #expect(text.contains("Attached:\n- the letter (D-1-appeal.pdf)"))
        #expect(text.contains("Available on request:\n- Evidence submitted with the claim"))
        #expect(!text.contains("Enclosures:"), "nothing is claimed enclosed in an email")
        #expect(appeal.warning == nil)

        var claim = DocumentFixture.claim("D-1")
        claim.evidence = "Register extract: J Smith 943 476 5919"
        let context = DocumentContext(claim: claim, profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        let chase = try DocumentRenderer().render(DocumentFixture.builtins["chase"]!, context: context)
        #expect(chase.warning?.contains("look like patient-identifiable data (an NHS number)") == true)
    }

    @Test func evidenceIsSaidSubmittedOnlyWhenTheClaimsFileRecordsIt() throws {
        var claim = DocumentFixture.claim("D-1")
        claim.evidence = nil
        claim.evidenceSubmittedOn = nil
        let context = DocumentContext(claim: claim, profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        let appeal = try DocumentRenderer().render(DocumentFixture.builtins["appeal"]!, context: context)
        #expect(!appeal.paragraphs.joined().contains("Evidence submitted"), "never 'with the claim' when nothing is recorded")
        #expect(appeal.enclosures.isEmpty)
    }

    @Test func anInvoiceAndAPurchaseOrderAreCalledWhatTheyAre() throws {
        var claim = DocumentFixture.claim("P-3")
        claim.invoiceRef = "INV-77"
        claim.poNumber = "PO-448812"
        let context = DocumentContext(claim: claim, profile: DocumentFixture.profile, today: DocumentFixture.asOf)
        let chase = try DocumentRenderer().render(DocumentFixture.builtins["chase"]!, context: context).paragraphs.joined(separator: "\n")
        #expect(chase.contains("Invoice: INV-77"))
        #expect(chase.contains("Purchase order: PO-448812"))
        #expect(!chase.contains("Invoice or purchase order"))
    }

    @Test func anLESNoAgreementPlacesGetsNoLetterBeforeClaim() throws {
        let error = #expect(throws: RenderError.self) { try DocumentFixture.render("letter-before-claim", claim: "L-2") }
        #expect(error?.description.contains("is only for claims under a private-law contract") == true, "\(String(describing: error))")
    }

    @Test func aPartPaidClaimSpeaksOfTheBalance() throws {
        let text = try DocumentFixture.render("chase", claim: "D-1").emailText
        #expect(text.contains("the balance of £1,000.00 still owed"))
        #expect(!text.contains("has not yet been received"))
        #expect(!text.contains("receipt"), "no receipts sentence in a first, polite chase")
    }

    @Test func anAssumedDueDateIsSaidToBeOne() throws {
        let text = try DocumentFixture.render("chase", claim: "L-2").emailText
        #expect(text.contains("Payment was due by: 14 August 2026 (no due date has been given to us, so we have taken it as 30 days after the claim"))
    }

    @Test func theLMCIsCopiedInOnceItIsInvolved() throws {
        let referral = [Attempt(template: "lmc-referral", date: CalendarDate(year: 2026, month: 10, day: 1)!, to: "help@lmc.example")]
        #expect(try DocumentFixture.render("appeal", claim: "D-1").cc.isEmpty)
        #expect(try DocumentFixture.render("appeal", claim: "D-1", attempts: referral).cc == ["Londonwide LMCs"])
    }

    @Test func enclosuresAreShortTitlesNeverTheEvidenceText() throws {
        let document = try DocumentFixture.render("appeal", claim: "D-1")
        #expect(document.enclosures == ["Evidence submitted with the claim"])
    }

    @Test func statutoryInterestIsWorkedOutToTheDay() throws {
        // P-3: £2,150.00, claimed 10 July 2026 with 9 August agreed. The council is a public
        // authority: the 30 days beginning with 10 July end on 8 August, earlier than the agreed day,
        // so that is the relevant day (s4(2D)) and interest runs from 9 August at 8% + 3.75%.
        let text = try DocumentFixture.render("letter-before-claim", claim: "P-3").paragraphs.joined(separator: "\n")
        #expect(text.contains("Statutory interest runs from 9 August 2026, the day after the relevant day, 8 August 2026"))
        #expect(text.contains("section 4(2D) of the Act, the purchaser being a public authority"))
        #expect(text.contains("Interest from 9 August 2026 to 25 November 2026 (109 days at 11.75%): £75.44"))
        #expect(text.contains("Fixed sum for the cost of recovering the debt (section 5A of the Act): £70.00"))
        #expect(text.contains("Total due on 25 November 2026: £2,295.44"))
        #expect(text.contains("with interest at £0.69 a day from 26 November 2026"), "the day after the total's last day, never counted twice")
        #expect(text.contains("reserves its right under section 5A(2A) of the Act to its reasonable costs of recovering the debt"))
        #expect(text.contains("The contractor's position is that the Late Payment of Commercial Debts (Interest) Act 1998 applies"))
        #expect(!text.contains("makes no substantial remedy"), "only where the profile says so")
        #expect(text.contains("by 25 December 2026"), "30 days to reply")
    }
}
