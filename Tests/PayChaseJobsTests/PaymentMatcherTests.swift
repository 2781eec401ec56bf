import PayChaseDomain
import PayChaseJobs
import Testing

/// Issue 20.1: how sure each proposal is, claim by claim.
struct PaymentMatcherTests {
    static func claim(_ id: String, _ pence: Int64, reference: String? = nil, po: String? = nil) -> Claim {
        var claim = Claim(
            id: id,
            service: "Service",
            category: .publicHealth,
            period: "Q1",
            amount: Money(pence: pence),
            submittedOn: CalendarDate(year: 2026, month: 7, day: 1)!
        )
        claim.reference = reference
        claim.poNumber = po
        return claim
    }

    static func credit(_ description: String, _ pence: Int64) -> BankCredit {
        BankCredit(
            date: CalendarDate(year: 2026, month: 12, day: 1)!,
            description: description,
            amount: Money(pence: pence),
            sha256: "x",
            place: "s:1"
        )
    }

    let matcher = PaymentMatcher(claims: [claim("P-1", 10_000, po: "PO-7"), claim("P-2", 25_000, po: "PO-7"), claim("P-3", 5_000)], names: [:])

    @Test func aCreditEqualToOneOfSeveralNamedClaimsIsProposedForThatOne() {
        guard case .proposed(let proposal) = matcher.match(Self.credit("COUNCIL PO-7", 25_000)) else {
            Issue.record("a credit naming PO-7 for exactly what P-2 owes was not placed")
            return
        }
        #expect(proposal.shares.map(\.claimID) == ["P-2"])
        #expect(proposal.certainty == .likely, "two claims share the reference: a person says which")
    }

    @Test func namedClaimsPaidTogetherAreCertain() {
        guard case .proposed(let proposal) = matcher.match(Self.credit("PO-7", 35_000)) else {
            Issue.record("not placed")
            return
        }
        #expect(proposal.certainty == .certain && proposal.shares.map(\.claimID) == ["P-1", "P-2"])
    }

    @Test func moreThanTheNamedClaimsOweIsNotPlaced() {
        guard case .unplaced(let unplaced) = matcher.match(Self.credit("P-3", 6_000)) else {
            Issue.record("placed")
            return
        }
        #expect(unplaced.reason.contains("£10.00 more than the £50.00 outstanding"))
    }
}
