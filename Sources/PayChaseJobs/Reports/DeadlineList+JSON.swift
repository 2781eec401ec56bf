import Foundation
import PayChaseDomain

extension DeadlineList {
    private struct Item: Encodable {
        var service: String
        var period: String
        var kind: String
        var deadline: String
        var days_left: Int
        var passed: Bool
        var claim_to: String?
        var usual_income: String?
        /// What the months no claim covers usually bring (less than `usual_income` where some were claimed).
        var unclaimed_income: String?
        var claim_id: String?
        var sentence: String
    }

    private struct Body: Encodable {
        var as_of: String
        var due: [Item]
        var missed: [Item]
        var unclaimed_income: String
    }

    /// For scripts: `due` soonest first and `missed`, each with its sentence.
    public func json() -> String {
        func item(_ deadline: PeriodDeadline) -> Item {
            Item(
                service: deadline.service,
                period: deadline.period.description,
                kind: deadline.kind.rawValue,
                deadline: deadline.deadline.description,
                days_left: deadline.daysLeft,
                passed: deadline.passed,
                claim_to: deadline.claimTo,
                usual_income: deadline.usualIncome?.decimalString,
                unclaimed_income: deadline.unclaimedIncome?.decimalString,
                claim_id: deadline.claimID,
                sentence: deadline.sentence
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let body = Body(as_of: asOf.description, due: due.map(item), missed: missed.map(item), unclaimed_income: unclaimedIncome.decimalString)
        return String(decoding: try! encoder.encode(body), as: UTF8.self) + "\n"
    }
}
