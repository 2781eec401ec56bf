import Foundation
import PayChaseDomain
import PayChaseInput
import Testing

/// Issue 19.12: the bundled example is data a practice could have: each amount matches its
/// calculation line, and each claim is placed under the agreement of its kind.
struct ExampleDataTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples").standardized

    func exampleClaims() throws -> [Claim] {
        let profile = try ProfileLoader().load(path: Self.examples.appendingPathComponent("paychase.yaml").path)
        return try ClaimsLoader(profile: profile).read(path: Self.examples.appendingPathComponent("claims.csv").path).claims
    }

    /// The pounds in a text, in order: `£61,480.00` → 6148000 pence.
    static func amounts(in text: String) -> [Int64] {
        text.split(separator: " ").compactMap { word in
            guard word.hasPrefix("£") else { return nil }
            let digits = word.dropFirst().filter { $0.isNumber || $0 == "." }
            return (try? Money(parsing: String(digits)))?.pence
        }
    }

    @Test func everyAmountMatchesItsCalculationLine() throws {
        let claims = try exampleClaims()
        let calculated = claims.filter { $0.calculation != nil }
        #expect(calculated.count >= 3)
        for claim in calculated {
            let line = claim.calculation!
            let pounds = Self.amounts(in: line)
            if let times = line.range(of: " × ") {
                // `26 fittings × £30.00`: a count times a unit price.
                let count = try #require(Int64(line[..<times.lowerBound].split(separator: " ").first ?? ""))
                #expect(count * pounds[0] == claim.amount.pence, "\(claim.id): \(line) is not \(claim.amount.formatted)")
            } else {
                // `Achievement £61,480.00 ..., less aspiration payments received £49,000.00`.
                #expect(line.contains("less") && pounds.count == 2, "\(claim.id): \(line)")
                #expect(pounds[0] - pounds[1] == claim.amount.pence, "\(claim.id): \(line) is not \(claim.amount.formatted)")
            }
        }
    }

    @Test func eachClaimIsUnderTheAgreementOfItsKindWithTheReferenceItsPaymasterUses() throws {
        let claims = Dictionary(uniqueKeysWithValues: try exampleClaims().map { ($0.id, $0) })
        // Implants the council commissions are public health, under the council's contract.
        #expect(claims["L-2026-007"]?.category == .publicHealth)
        #expect(claims["L-2026-007"]?.placement.contractID == "th-public-health")
        #expect(claims["L-2026-011"]?.placement.contractID == "nel-lcs")
        for id in ["Q-2026-001", "D-2026-014", "D-2026-020"] {
            #expect(claims[id]?.placement.contractID == "gms", "\(id) is paid under the GP contract")
            #expect(claims[id]?.reference?.hasPrefix("CQRS-") == true, "\(id): NHS England's payments are claimed through CQRS")
        }
        for id in ["L-2026-007", "P-2026-003"] {
            #expect(claims[id]?.reference?.hasPrefix("LBTH-") == true, "\(id): the council's own reference")
        }
        // No dementia DES: it is not among the enhanced services of 2026/27.
        #expect(!claims.values.contains { $0.service.localizedCaseInsensitiveContains("dementia") })
    }
}
