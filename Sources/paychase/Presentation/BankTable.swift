import PayChaseDomain
import PayChaseJobs

/// `paychase bank`'s output: the proposals with how sure each is, what could not be placed,
/// and what was recorded.
enum BankTable {
    static func text(_ result: BankJob.Result, recording: Bool) -> String {
        var lines = ["Statement read as \(result.layout): \(result.proposals.count + result.unplaced.count) credits to place."]
        if !result.proposals.isEmpty {
            lines.append("")
            lines.append("Proposed payments:")
            for proposal in result.proposals {
                let shares = proposal.shares.map { "\($0.claimID) \($0.amount.formatted)" }.joined(separator: ", ")
                lines.append(
                    "  \(proposal.credit.place)  \(proposal.credit.date.formatted)  \(proposal.credit.amount.formatted)  → \(shares)  [\(proposal.certainty.rawValue)]"
                )
                lines.append("      \(proposal.credit.description)")
                lines.append("      \(proposal.reason)" + (proposal.shortfall.map { "; \($0.formatted) still owed" } ?? ""))
            }
        }
        if !result.unplaced.isEmpty {
            lines.append("")
            lines.append("Could not place:")
            for credit in result.unplaced {
                lines.append(
                    "  \(credit.credit.place)  \(credit.credit.date.formatted)  \(credit.credit.amount.formatted)  \(credit.credit.description)"
                )
                lines.append("      \(credit.reason)")
            }
        }
        if !result.alreadyRecorded.isEmpty {
            lines.append("")
            lines.append("\(result.alreadyRecorded.count) credit(s) already recorded from an earlier statement: not recorded again.")
        }
        lines.append("")
        if recording {
            lines.append("Recorded \(result.recorded.count) payment(s), from the certain proposals only.")
        } else {
            let certain = result.proposals.filter { $0.certainty == .certain }.count
            lines.append(
                "Nothing recorded. \(certain) proposal(s) are certain: run again with --record to record them; record the others with paychase payment."
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
