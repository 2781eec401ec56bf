import PayChaseDomain
import Testing

struct EscalationLadderTests {
    let practice = Practice(
        name: "Riverside",
        odsCode: "F84001",
        contract: .gms,
        nhsBody: true,
        address: ["1 River Road"],
        phone: "0",
        email: "m@r.example",
        signatory: Signatory(name: "Jane Doe", role: "Practice Manager")
    )
    let ladder = EscalationLadder()

    func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    func claim(_ category: PayChaseDomain.Category = .des, paid: Int64 = 0) -> Claim {
        Claim(
            id: "C1",
            service: "Dementia DES",
            category: category,
            period: "2013/14",
            amount: Money(pence: 100_000),
            paid: Money(pence: paid),
            submittedOn: date("2013-09-30")
        )
    }

    /// `agreed`: the serious steps the partners' recorded decision agreed to.
    func step(
        _ claim: Claim,
        _ attempts: [(String, String)],
        on today: String,
        practice: Practice? = nil,
        agreed: [String] = PartnersDecision.steps.sorted()
    ) -> NextStep {
        var feedback = ClaimFeedback()
        for step in agreed { feedback.agreed[step] = date("2013-09-30") }
        return ladder.nextStep(
            for: claim,
            attempts: attempts.map { Attempt(template: $0.0, date: date($0.1)) },
            practice: practice ?? self.practice,
            asOf: date(today),
            feedback: feedback
        )
    }

    @Test func defaultDueDateIsThirtyDaysAfterTheClaim() {
        #expect(claim().dueOn == date("2013-10-30"))
    }

    @Test func waitsUntilDueThenChases() {
        #expect(step(claim(), [], on: "2013-10-30") == NextStep(action: .wait, templates: ["chase"], date: date("2013-10-31")))
        #expect(step(claim(), [], on: "2013-10-31") == NextStep(action: .send, templates: ["chase"]))
    }

    @Test func nothingToDoWhenPaidInFull() {
        #expect(step(claim(paid: 100_000), [], on: "2014-06-01").action == NextStep.Action.none)
    }

    @Test func nhsEnglandClaimsGoToAppealFourteenDaysAfterAChase() {
        let chased = [("chase", "2013-11-01")]
        #expect(step(claim(), chased, on: "2013-11-14") == NextStep(action: .wait, templates: ["appeal"], date: date("2013-11-15")))
        #expect(step(claim(), chased, on: "2013-11-15") == NextStep(action: .send, templates: ["appeal"]))
    }

    @Test func publicHealthClaimsGetASecondChaseThenTheLMCThenALetterBeforeClaim() {
        #expect(step(claim(.publicHealth), [("chase", "2013-11-01")], on: "2013-11-20").templates == ["chase"])
        let twice = [("chase", "2013-11-01"), ("chase", "2013-11-20")]
        #expect(step(claim(.publicHealth), twice, on: "2013-12-04") == NextStep(action: .send, templates: ["lmc-referral"]))
        let referred = twice + [("lmc-referral", "2013-12-04")]
        let lettered = step(claim(.publicHealth), referred, on: "2013-12-18")
        #expect(lettered.action == .send && lettered.templates == ["letter-before-claim"])
        #expect(
            lettered.warning == "first use the dispute clause of the contract with the local authority, if it has one",
            "the contract's own dispute clause comes first; no NHS time limits on a council's contract"
        )
    }

    /// An LES is bought under a separate agreement: never the GP contract's appeal, late-payment
    /// notice or time limits, whatever the practice's own contract.
    @Test func anLESFollowsItsOwnAgreementNotTheGPContract() {
        let les = claim(.les)
        #expect(les.route == .localService)
        #expect(step(les, [("chase", "2013-11-01")], on: "2013-11-20").templates == ["chase"], "a second chase, not a GMS appeal")
        let twice = [("chase", "2013-11-01"), ("chase", "2013-11-20")]
        #expect(step(les, twice, on: "2013-12-04") == NextStep(action: .send, templates: ["lmc-referral"]))
        let referred = twice + [("lmc-referral", "2013-12-04")]
        let unplaced = step(les, referred, on: "2013-12-18")
        #expect(unplaced.action == .followUp && unplaced.templates.isEmpty, "an agreement nobody named is neither NHS nor private law")
        #expect(unplaced.warning?.hasPrefix("the claim is not placed under an agreement") == true)
        #expect(ladder.limits(for: les).isEmpty, "no GMS complaint or dispute-resolution limits")

        func placed(nhsContract: Bool) -> Claim {
            Claim(
                id: "L1",
                service: "Anticoagulation monitoring LES",
                category: .les,
                period: "Q3",
                amount: Money(pence: 100_000),
                submittedOn: date("2013-09-30"),
                contract: Contract(
                    id: "nel-anticoag",
                    kind: .lcs,
                    party: LegalEntity(name: "NHS North East London Integrated Care Board", noticeAddress: ["London"]),
                    nhsContract: nhsContract
                )
            )
        }
        let nhs = step(placed(nhsContract: true), referred, on: "2013-12-18")
        #expect(nhs.action == .followUp && nhs.templates.isEmpty, "no letter before claim, no late-payment notice")
        #expect(nhs.warning?.hasPrefix("the agreement is an NHS contract: use its own dispute clause") == true)
        let privateLaw = step(placed(nhsContract: false), referred, on: "2013-12-18")
        #expect(privateLaw.templates == ["letter-before-claim"], "an agreement in private law is enforced in the courts")
        #expect(privateLaw.warning == "first use the dispute clause of the agreement, if it has one")
    }

    @Test func anICBPaidDESTakesTheContractRoute() {
        let icbPaid = Claim(
            id: "C2",
            service: "Dementia DES",
            category: .des,
            period: "2013/14",
            amount: Money(pence: 100_000),
            submittedOn: date("2013-09-30"),
            paymaster: .icb
        )
        #expect(step(icbPaid, [("chase", "2013-11-01")], on: "2013-11-15").templates == ["appeal"])
    }

    @Test func afterTheAppealComesTheLMCThenTheNoticeAsASeriousStep() {
        let history = [("chase", "2013-11-01"), ("appeal", "2013-11-15")]
        #expect(step(claim(), history, on: "2013-11-28").action == .wait)
        #expect(step(claim(), history, on: "2013-11-29") == NextStep(action: .send, templates: ["lmc-referral"]))
        let referred = history + [("lmc-referral", "2013-11-29")]
        let waiting = step(confirmed, referred, on: "2013-12-12")
        #expect(waiting == NextStep(action: .wait, templates: ["late-payment-notice"], date: date("2013-12-13"), serious: true))
        let notice = step(confirmed, referred, on: "2013-12-13")
        #expect(notice == NextStep(action: .send, templates: ["late-payment-notice"], serious: true))
        #expect(notice.summary == "late-payment-notice [serious step]")
    }

    /// Issue 19.11: a late-payment notice or a letter before claim is given only with the partners'
    /// agreement; until their signed decision is recorded, the ladder asks for the decision record.
    @Test func thePartnersDecideBeforeANoticeOrALetterBeforeClaim() {
        let referred = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29")]
        let undecided = step(confirmed, referred, on: "2013-12-13", agreed: [])
        #expect(undecided.action == .send && undecided.templates == ["partners-decision"])
        #expect(undecided.warning?.contains("the partners' agreement to give the late-payment-notice is not recorded") == true)
        // Waiting for the notice's day: nothing to decide yet.
        #expect(step(confirmed, referred, on: "2013-12-12", agreed: []).templates == ["late-payment-notice"])
        // A decision about the letter before claim is not one about the notice.
        #expect(step(confirmed, referred, on: "2013-12-13", agreed: ["letter-before-claim"]).templates == ["partners-decision"])
        #expect(step(confirmed, referred, on: "2013-12-13", agreed: ["late-payment-notice"]).templates == ["late-payment-notice"])
        // A council's claim: after the LMC, the letter before claim needs its own decision.
        let council = [("chase", "2013-11-01"), ("chase", "2013-11-15"), ("lmc-referral", "2013-11-29")]
        let beforeClaim = step(claim(.publicHealth), council, on: "2013-12-13", agreed: ["late-payment-notice"])
        #expect(beforeClaim.templates == ["partners-decision"])
        #expect(beforeClaim.warning?.contains("first use the dispute clause of the contract with the local authority") == true)
        #expect(step(claim(.publicHealth), council, on: "2013-12-13").templates == ["letter-before-claim"])
        // Drafting the notice out of turn names the missing decision among what is skipped.
        let attempts = referred.map { Attempt(template: $0.0, date: date($0.1)) }
        #expect(
            ladder.missingSteps(before: "late-payment-notice", for: confirmed, attempts: attempts, feedback: ClaimFeedback()) == ["partners-decision"]
        )
        var agreed = ClaimFeedback()
        agreed.agreed["late-payment-notice"] = date("2013-12-01")
        #expect(ladder.missingSteps(before: "late-payment-notice", for: confirmed, attempts: attempts, feedback: agreed).isEmpty)
    }

    @Test func neverANoticeOnAnAssumedDueDate() {
        let referred = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29")]
        let next = step(claim(), referred, on: "2014-01-10")
        #expect(claim().dueBasis == .assumed)
        #expect(next.action == .followUp)
        #expect(next.templates.isEmpty)
        #expect(next.warning?.contains("due date is assumed") == true)
    }

    /// A DES approved on 5 October 2013 under a contract whose terms say 30 days after approval.
    var confirmed: Claim { approved(terms: .days(30)) }

    func approved(terms: PaymentTerms?) -> Claim {
        Claim(
            id: "C3",
            service: "Dementia DES",
            category: .des,
            period: "2013/14",
            amount: Money(pence: 100_000),
            submittedOn: date("2013-09-30"),
            approvedOn: date("2013-10-05"),
            terms: terms
        )
    }

    /// Issue 19.3: 30 days after approval is the Late Payment Act's default, not an NHS
    /// contract's term: without the agreement's payment terms the date is assumed, said so, and
    /// founds no late-payment notice.
    @Test func approvalWithoutAgreedTermsGivesOnlyAnAssumedDate() {
        let assumed = approved(terms: nil)
        #expect(assumed.dueOn == date("2013-11-04"))
        #expect(assumed.dueBasis == .assumedAfterApproval && !assumed.dueBasis.isConfirmed)
        #expect(assumed.dueBasis.assumedAs == "30 days after approval")
        let referred = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29")]
        let next = step(assumed, referred, on: "2014-01-10")
        #expect(next.action == .followUp && next.templates.isEmpty, "no late-payment notice on an assumed date")
        #expect(next.warning?.contains("no payment terms are set for the agreement") == true)
        let underTerms = Claim(
            id: "C5",
            service: "Dementia DES",
            category: .des,
            period: "2013/14",
            amount: Money(pence: 1),
            submittedOn: date("2013-09-30"),
            approvedOn: date("2013-10-05"),
            contract: Contract(
                id: "gms",
                kind: .gms,
                party: LegalEntity(name: "ICB", noticeAddress: ["x"]),
                nhsContract: true,
                paymentTerms: .days(30)
            )
        )
        #expect(underTerms.dueBasis == .approval, "the agreement's own terms make the date firm")
    }

    @Test func dueDatesComeFromTheApprovalByThePaymentTerms() {
        #expect(confirmed.dueOn == date("2013-11-04"))
        #expect(confirmed.dueBasis == .approval)
        let monthEnd = Claim(
            id: "C4",
            service: "QOF",
            category: .qof,
            period: "2013/14",
            amount: Money(pence: 1),
            submittedOn: date("2013-09-30"),
            approvedOn: date("2013-12-05"),
            terms: .endOfFollowingMonth
        )
        #expect(monthEnd.dueOn == date("2014-01-31"))
    }

    /// Issue 19.8: 28 days after the notice is given, a request to resolve the dispute locally
    /// (GMS regulation 81, inviting the LMC); 14 days after that, dispute resolution.
    @Test func localResolutionThenDisputeResolutionAfterTheNotice() {
        // The notice is emailed and posted on Friday 13 December 2013: the letter counts as given on
        // the second working day after posting, Tuesday 17 December, the later of the two; 28 days on
        // is 14 January 2014.
        let history = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29"), ("late-payment-notice", "2013-12-13")]
        let posted = [Attempt(template: "late-payment-notice", date: date("2013-12-13"), method: .post)]
        func step(_ history: [(String, String)], on today: String, practice: Practice? = nil) -> NextStep {
            ladder.nextStep(
                for: claim(),
                attempts: history.map { Attempt(template: $0.0, date: date($0.1)) } + posted,
                practice: practice ?? self.practice,
                asOf: date(today)
            )
        }
        #expect(step(history, on: "2014-01-13") == NextStep(action: .wait, templates: ["local-resolution"], date: date("2014-01-14")))
        #expect(step(history, on: "2014-01-14") == NextStep(action: .send, templates: ["local-resolution"]))
        let tried = history + [("local-resolution", "2014-01-14")]
        #expect(step(tried, on: "2014-01-27") == NextStep(action: .wait, templates: ["dispute-resolution"], date: date("2014-01-28")))
        #expect(step(tried, on: "2014-01-28") == NextStep(action: .send, templates: ["dispute-resolution"]))
        let done = tried + [("dispute-resolution", "2014-01-30")]
        #expect(step(done, on: "2014-02-01").action == .followUp)
        var privateLaw = practice
        privateLaw.nhsBody = false
        #expect(step(tried, on: "2014-01-28", practice: privateLaw).templates == ["dispute-resolution", "letter-before-claim"])
    }

    /// Issue 19.7: the notice period counts from the day the notice is given by the routes the
    /// record shows, as the agreement deems it; with only the email recorded, the ladder asks for
    /// the posting to be recorded.
    @Test func theNoticePeriodCountsFromTheDayTheNoticeIsDeemedGiven() {
        let friday = date("2026-12-18")
        let emailed = Attempt(template: "late-payment-notice", date: friday, method: .email)
        let posted = Attempt(template: "late-payment-notice", date: friday, method: .post)
        let due = claim()
        // Assumed: an email the next working day (Monday 21 December), a letter the second working
        // day after posting (Tuesday 22 December); the later governs.
        #expect(ladder.noticeGiven(for: due, attempts: [emailed]) == date("2026-12-21"))
        #expect(ladder.noticeGiven(for: due, attempts: [emailed, posted]) == date("2026-12-22"))
        let onlyEmailed = ladder.nextStep(for: due, attempts: [emailed], practice: practice, asOf: date("2026-12-28"))
        #expect(onlyEmailed.date == date("2027-01-18"))
        #expect(onlyEmailed.warning?.contains("recorded as emailed but not as posted") == true)
        let both = ladder.nextStep(for: due, attempts: [emailed, posted], practice: practice, asOf: date("2026-12-28"))
        #expect(both.date == date("2027-01-19"))
        #expect(both.warning?.contains("not as posted") != true)
        // An agreement whose notice clause makes an email given the same working day, the earlier governing.
        let contract = Contract(
            id: "lcs",
            kind: .lcs,
            party: LegalEntity(name: "ICB", noticeAddress: ["1 Street"]),
            nhsContract: true,
            notices: NoticeDelivery(emailDays: 0, postDays: 2, laterGoverns: false, clause: "clause 38.2")
        )
        let placed = Claim(
            id: "C2",
            service: "Anticoagulation LES",
            category: .les,
            period: "Q3",
            amount: Money(pence: 100_000),
            submittedOn: date("2026-10-01"),
            contract: contract
        )
        #expect(placed.placement.notices.givenOn(DocumentName.latePaymentNotice, attempts: [emailed, posted]) == friday)
    }

    /// England and Wales bank holidays, as gov.uk lists them, and the working days they move.
    @Test func workingDaysSkipWeekendsAndBankHolidays() {
        let holidays2026 = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]
        #expect(WorkingDays.bankHolidays(in: 2026) == Set(holidays2026.map(date)))
        let holidays2027 = ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]
        #expect(WorkingDays.bankHolidays(in: 2027) == Set(holidays2027.map(date)))
        // New Year's Day on a Saturday moves to Monday 3 January 2022; Christmas on a Sunday (2022) to Tuesday 27 December.
        #expect(WorkingDays.bankHolidays(in: 2022).isSuperset(of: [date("2022-01-03"), date("2022-12-26"), date("2022-12-27")]))
        // Posted on Christmas Eve 2026 (a Thursday): the working days after are 29 and 30 December.
        #expect(WorkingDays.after(date("2026-12-24"), count: 2) == date("2026-12-30"))
        #expect(WorkingDays.after(date("2026-12-26"), count: 0) == date("2026-12-29"))
        #expect(WorkingDays.after(date("2026-12-23"), count: 0) == date("2026-12-23"))
    }

    @Test func timeLimitsAreWarnedAboutAsTheyApproachAndWhenPast() {
        // Due 30 October 2013: a complaint by 30 October 2014 (12 months after), dispute resolution by
        // 29 October 2016 (the three years beginning with 30 October 2013).
        #expect(step(claim(), [], on: "2014-01-01").warning == nil)
        #expect(step(claim(), [], on: "2014-09-01").warning == "formal complaint must start by 30 October 2014")
        let late = step(claim(), [("late-payment-notice", "2016-09-01")], on: "2016-12-01")
        #expect(late.warning?.contains("past the time limit for dispute resolution (29 October 2016)") == true)
        #expect(late.warning?.contains("past the time limit for formal complaint (30 October 2014)") == true)
    }

    /// Issue 19.7: "three years beginning with" a day ends the day before its third anniversary;
    /// "12 months after" a day ends on its anniversary. Both edges, for a claim due 30 October 2013.
    @Test func timeLimitsEndOnTheDayTheLawCounts() {
        let due = claim()
        #expect(ladder.disputeDeadline(for: due) == date("2016-10-29"))
        #expect(ladder.complaintDeadline(for: due) == date("2014-10-30"))
        let history = [("late-payment-notice", "2016-09-01")]
        #expect(step(due, history, on: "2016-10-29").warning?.contains("dispute resolution must start by 29 October 2016") == true, "the last day")
        #expect(
            step(due, history, on: "2016-10-30").warning?.contains("past the time limit for dispute resolution (29 October 2016)") == true,
            "the anniversary is too late"
        )
        #expect(step(due, [], on: "2014-10-30").warning?.contains("formal complaint must start by 30 October 2014") == true)
        #expect(step(due, [], on: "2014-10-31").warning?.contains("past the time limit for formal complaint (30 October 2014)") == true)
    }

    /// Issue 19.11: a claim paid after a notice, complaint or dispute was given gets an
    /// acknowledgement that withdraws it; once sent, nothing more. Paid after chases only: nothing.
    @Test func aPaymentAfterANoticeIsAcknowledgedOnce() {
        let paid = claim(paid: 100_000)
        #expect(step(paid, [("chase", "2013-11-01")], on: "2014-01-10").action == NextStep.Action.none)
        let noticed = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29"), ("late-payment-notice", "2013-12-13")]
        #expect(step(paid, noticed, on: "2014-01-10") == NextStep(action: .send, templates: ["payment-acknowledgement"]))
        let acknowledged = noticed + [("payment-acknowledgement", "2014-01-10")]
        #expect(step(paid, acknowledged, on: "2014-01-11").action == NextStep.Action.none)
    }
}
