import PayChaseDomain

/// `paychase deadlines` as lines: what is due, soonest first, then what was missed.
enum DeadlineLines {
    static func text(_ list: DeadlineList) -> String {
        var lines = ["Claim deadlines as of \(list.asOf.formatted)"]
        lines.append("")
        lines.append(list.due.isEmpty ? "Nothing due." : "Due, soonest first:")
        lines += list.due.map { "  \($0.sentence)" }
        if !list.missed.isEmpty {
            lines.append("")
            lines.append("Missed:")
            lines += list.missed.map { "  \($0.sentence)" }
        }
        if !list.unclaimed.isEmpty {
            lines.append("")
            let count = list.unclaimed.count
            lines.append(
                "\(count) period\(count == 1 ? "" : "s") not claimed by the deadline"
                    + (list.unclaimedIncome > .zero ? ", usually bringing \(list.unclaimedIncome.formatted) in all." : ".")
            )
        }
        if !list.perItem.isEmpty {
            lines.append("")
            lines.append("Claimed per item (no periods to count):")
            lines += list.perItem.map {
                "  \($0.service): each item's claim \($0.claimBy.description)" + ($0.claimTo.map { ", through \($0)" } ?? "")
            }
        }
        for unread in list.unreadPeriods {
            lines.append("")
            lines.append(
                "Note: claim \(unread.claimID) (line \(unread.line)) has period '\(unread.period)', which is not a month, quarter or year PayChase can read (such as March 2026, Q2 2026/27, 2025/26); it counts for no period."
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
