import PayChaseDomain
import Testing

struct EscalationLadderTests {
    let practice = Practice(
        name: "Riverside", odsCode: "F84001", contract: .gms, nhsBody: true, address: ["1 River Road"], phone: "0",
        email: "m@r.example", signatory: Signatory(name: "Jane Doe", role: "Practice Manager")
    )
    let ladder = EscalationLadder()

    func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    func claim(_ category: PayChaseDomain.Category = .des, paid: Int64 = 0) -> Claim {
        Claim(
            id: "C1", service: "Dementia DES", category: category, period: "2013/14", amount: Money(pence: 100_000),
            paid: Money(pence: paid), submittedOn: date("2013-09-30")
        )
    }

    func step(_ claim: Claim, _ attempts: [(String, String)], on today: String, practice: Practice? = nil) -> NextStep {
        ladder.nextStep(for: claim, attempts: attempts.map { Attempt(template: $0.0, date: date($0.1)) },
                        practice: practice ?? self.practice, asOf: date(today))
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

    @Test func otherPaymastersGetASecondChase() {
        #expect(step(claim(.les), [("chase", "2013-11-01")], on: "2013-11-20").templates == ["chase"])
        let twice = [("chase", "2013-11-01"), ("chase", "2013-11-20")]
        #expect(step(claim(.les), twice, on: "2013-12-04") == NextStep(action: .send, templates: ["lmc-referral", "formal-complaint"]))
    }

    @Test func afterTheAppealComeTheLMCAndTheNotice() {
        let history = [("chase", "2013-11-01"), ("appeal", "2013-11-15")]
        #expect(step(claim(), history, on: "2013-11-28").action == .wait)
        #expect(step(claim(), history, on: "2013-11-29") == NextStep(action: .send, templates: ["lmc-referral", "late-payment-notice"]))
    }

    @Test func disputeResolutionTwentyEightDaysAfterTheNotice() {
        let history = [("chase", "2013-11-01"), ("appeal", "2013-11-15"), ("lmc-referral", "2013-11-29"), ("late-payment-notice", "2013-11-29")]
        #expect(step(claim(), history, on: "2013-12-26") == NextStep(action: .wait, templates: ["dispute-resolution"], date: date("2013-12-27")))
        #expect(step(claim(), history, on: "2013-12-27") == NextStep(action: .send, templates: ["dispute-resolution"]))
        let done = history + [("dispute-resolution", "2014-01-02")]
        #expect(step(claim(), done, on: "2014-02-01").action == .followUp)
    }

    @Test func warnsWhenDisputeResolutionMayBeOutOfTimeOrCourtIsOpen() {
        let history = [("late-payment-notice", "2016-09-01")]
        let late = step(claim(), history, on: "2016-12-01")
        #expect(late.warning?.contains("more than 3 years") == true)
        var privateLaw = practice
        privateLaw.nhsBody = false
        #expect(step(claim(), [("late-payment-notice", "2013-12-01")], on: "2014-01-01", practice: privateLaw).warning?.contains("court") == true)
    }
}
