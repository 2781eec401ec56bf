import PayChaseDomain

/// Proposes, for each credit of a bank statement, the claims it pays: first by a claim id,
/// reference, invoice or purchase-order number in its description; then by the paymaster its
/// description names and the amount (one claim's outstanding, or several summing to it); then
/// by the amount alone. Pure: it records nothing.
public struct PaymentMatcher: Sendable {
    /// Claims with money outstanding, as the record counts it.
    public var claims: [Claim]
    /// Upper-case words that name each paymaster in a description.
    public var names: [PaymasterRole: [String]]

    public init(claims: [Claim], names: [PaymasterRole: [String]]) {
        self.claims = claims.filter { $0.outstanding > .zero }
        self.names = names
    }

    /// The words that name each paymaster: the profile's, else NHS England's and the ICB's usual
    /// ones and each paymaster's own name.
    public static func names(configured: [PaymasterRole: [String]], paymasters: [PaymasterRole: Contact]) -> [PaymasterRole: [String]] {
        var names: [PaymasterRole: [String]] = [:]
        for role in PaymasterRole.allCases {
            if let words = configured[role], !words.isEmpty {
                names[role] = words
                continue
            }
            var words = paymasters[role].map { [$0.name.uppercased()] } ?? []
            if role != .localAuthority { words += ["NHS ENGLAND", "NHS SBS", "NHS SHARED BUSINESS"] }
            names[role] = words
        }
        return names
    }

    public enum Outcome: Sendable, Hashable {
        case proposed(BankProposal)
        case unplaced(UnplacedCredit)
    }

    public func match(_ credit: BankCredit) -> Outcome {
        let text = " " + Self.words(credit.description) + " "
        // A reference may lose its dashes in a bank's description: `CQRS88123` names `CQRS-88123`.
        let bare = Set(text.split(separator: " ").map(Self.bare))
        let named = claims.filter { claim in
            [claim.id, claim.reference, claim.invoiceRef, claim.poNumber].compactMap { $0 }.contains {
                text.contains(" " + Self.words($0) + " ") || bare.contains(Self.bare(Self.words($0)))
            }
        }
        if !named.isEmpty { return byName(credit, named, text: text) }
        let roles = PaymasterRole.allCases.filter { role in (names[role] ?? []).contains { text.contains(" " + Self.words($0) + " ") } }
        let candidates = roles.isEmpty ? claims : claims.filter { roles.contains($0.paymaster) }
        let who = roles.isEmpty ? nil : roles.map(\.rawValue).joined(separator: " or ")
        let exact = candidates.filter { $0.outstanding == credit.amount }
        if exact.count == 1 {
            return .proposed(
                proposal(
                    credit,
                    exact,
                    who == nil ? .possible : .likely,
                    (who.map { "from the \($0) paymaster; " } ?? "no claim or paymaster named; ") + "the amount is \(exact[0].id)'s outstanding"
                )
            )
        }
        if exact.count > 1 {
            return .unplaced(
                UnplacedCredit(credit: credit, reason: "the amount is what each of \(exact.map(\.id).joined(separator: ", ")) owes: say which")
            )
        }
        if let group = Self.subset(of: candidates, summingTo: credit.amount) {
            return .proposed(
                proposal(
                    credit,
                    group,
                    .possible,
                    (who.map { "from the \($0) paymaster; " } ?? "") + "the amount is what \(group.map(\.id).joined(separator: " + ")) owe together"
                )
            )
        }
        return .unplaced(
            UnplacedCredit(
                credit: credit,
                reason: who.map { "from the \($0) paymaster, but no claim or group of claims owes \(credit.amount.formatted)" }
                    ?? "names no claim, reference or paymaster, and no claim owes \(credit.amount.formatted)"
            )
        )
    }

    private func byName(_ credit: BankCredit, _ named: [Claim], text: String) -> Outcome {
        let ids = named.map(\.id).joined(separator: ", ")
        let owed = named.reduce(Money.zero) { $0 + $1.outstanding }
        if credit.amount == owed {
            return .proposed(
                proposal(
                    credit,
                    named,
                    .certain,
                    "\(ids) named (id or reference) in the description; the amount is what \(named.count == 1 ? "it owes" : "they owe together")"
                )
            )
        }
        if credit.amount > owed {
            return .unplaced(
                UnplacedCredit(
                    credit: credit,
                    reason: "names \(ids), but is \((credit.amount - owed).formatted) more than the \(owed.formatted) outstanding"
                )
            )
        }
        if named.count > 1, let exact = named.first(where: { $0.outstanding == credit.amount }),
            named.filter({ $0.outstanding == credit.amount }).count == 1
        {
            return .proposed(proposal(credit, [exact], .likely, "\(ids) named in the description; the amount is what \(exact.id) owes"))
        }
        if named.count == 1 {
            // Less than owed: a part payment, certain only when the description says it is one.
            let declared = text.contains(" PART ")
            let short = owed - credit.amount
            var proposal = proposal(
                credit,
                named,
                declared ? .certain : .likely,
                "\(ids) named in the description; \(short.formatted) less than the \(owed.formatted) outstanding"
                    + (declared ? ", declared a part payment" : ": a part payment? Chase the balance if so")
            )
            proposal.shares = [BankProposal.Share(claimID: named[0].id, amount: credit.amount, remaining: short)]
            return .proposed(proposal)
        }
        if let group = Self.subset(of: named, summingTo: credit.amount) {
            return .proposed(
                proposal(credit, group, .likely, "\(ids) named; the amount is what \(group.map(\.id).joined(separator: " + ")) owe together")
            )
        }
        return .unplaced(UnplacedCredit(credit: credit, reason: "names \(ids), but the amount fits none of them or their sum"))
    }

    private func proposal(_ credit: BankCredit, _ claims: [Claim], _ certainty: BankProposal.Certainty, _ reason: String) -> BankProposal {
        BankProposal(
            credit: credit,
            shares: claims.map { BankProposal.Share(claimID: $0.id, amount: $0.outstanding, remaining: .zero) },
            certainty: certainty,
            reason: reason
        )
    }

    /// Two to four claims whose outstanding sum to `amount`, the first found in claim order.
    static func subset(of claims: [Claim], summingTo amount: Money) -> [Claim]? {
        let pool = Array(claims.prefix(24))
        func search(_ start: Int, _ left: Int64, _ chosen: [Claim]) -> [Claim]? {
            if left == 0 { return chosen.count >= 2 ? chosen : nil }
            guard chosen.count < 4, left > 0 else { return nil }
            for index in start..<pool.count {
                if let found = search(index + 1, left - pool[index].outstanding.pence, chosen + [pool[index]]) { return found }
            }
            return nil
        }
        return search(0, amount.pence, [])
    }

    static func bare(_ word: some StringProtocol) -> String { String(word.filter { $0 != "-" && $0 != "/" && $0 != " " }) }

    /// Upper case, with everything but letters, digits and `-`, `/` between words made a space.
    static func words(_ text: String) -> String {
        String(text.uppercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }
}
