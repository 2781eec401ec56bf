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

    func step(_ claim: Claim, _ attempts: [(String, String)], on today: String, practice: Practice? = nil) -> NextStep {
        ladder.nextStep(
            for: claim,
            attempts: attempts.map { Attempt(template: $0.0, date: date($0.1)) },
            practice: practice ?? self.practice,
            asOf: date(today)
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

    @Test func neverANoticeOnAnAssumedDueDate() {
        let referred = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29")]
        let next = step(claim(), referred, on: "2014-01-10")
        #expect(claim().dueBasis == .assumed)
        #expect(next.action == .followUp)
        #expect(next.templates.isEmpty)
        #expect(next.warning?.contains("due date is assumed") == true)
    }

    /// A DES approved on 5 October 2013: due 30 days later by the default terms.
    var confirmed: Claim {
        Claim(
            id: "C3",
            service: "Dementia DES",
            category: .des,
            period: "2013/14",
            amount: Money(pence: 100_000),
            submittedOn: date("2013-09-30"),
            approvedOn: date("2013-10-05")
        )
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

    @Test func disputeResolutionTwentyEightDaysAfterTheNotice() {
        let history = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29"), ("late-payment-notice", "2013-12-13")]
        #expect(step(claim(), history, on: "2014-01-09") == NextStep(action: .wait, templates: ["dispute-resolution"], date: date("2014-01-10")))
        #expect(step(claim(), history, on: "2014-01-10") == NextStep(action: .send, templates: ["dispute-resolution"]))
        let done = history + [("dispute-resolution", "2014-01-12")]
        #expect(step(claim(), done, on: "2014-02-01").action == .followUp)
        var privateLaw = practice
        privateLaw.nhsBody = false
        #expect(step(claim(), history, on: "2014-01-10", practice: privateLaw).templates == ["dispute-resolution", "letter-before-claim"])
    }

    @Test func timeLimitsAreWarnedAboutAsTheyApproachAndWhenPast() {
        // Due 30 October 2013: a complaint by 30 October 2014, dispute resolution by 30 October 2016.
        #expect(step(claim(), [], on: "2014-01-01").warning == nil)
        #expect(step(claim(), [], on: "2014-09-01").warning == "formal complaint must start by 30 October 2014")
        let late = step(claim(), [("late-payment-notice", "2016-09-01")], on: "2016-12-01")
        #expect(late.warning?.contains("past the time limit for dispute resolution (30 October 2016)") == true)
        #expect(late.warning?.contains("past the time limit for formal complaint (30 October 2014)") == true)
    }
}
