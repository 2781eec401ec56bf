import PayChaseDomain
import PayChaseJobs

/// The claims table page's model.
struct ClaimsPage {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Column {
        var key: String
        var label: String
        var href: String
        var arrow: String?
        var numeric: Bool
        /// Left out on a phone.
        var hideSmall: Bool
    }

    struct Row {
        var claimID: String
        var href: String
        var service: String
        var paymaster: String
        var owed: String
        var dueOn: String
        var assumed: Bool
        var daysOverdue: Int
        var nextStep: String
    }

    static let steps: [NextStep.Action] = [.send, .wait, .followUp, .fixAddress, .readReply, .paused, .none]

    var action: String
    var paymasters: [Option]
    var steps: [Option]
    var sort: String
    var order: String
    var columns: [Column]
    var rows: [Row]
    var count: Int
    var owed: String
    /// `Claims 201–400 of 10,000`, with links to the pages either side, when there is more than one.
    var range: String?
    var previous: String?
    var next: String?

    /// Rows a page of the table shows.
    static let pageSize = 200

    init(report: StatusReport, query: ClaimsQuery, base: String) {
        action = base
        let roles = Set(report.rows.map(\.paymaster))
        paymasters = PaymasterRole.allCases.filter { roles.contains($0.rawValue) }.map { role in
            Option(value: role.rawValue, label: report.rows.first { $0.paymaster == role.rawValue }!.paymasterName, selected: query.paymaster == role)
        }
        steps = Self.steps.map { Option(value: $0.rawValue, label: $0.rawValue, selected: query.next == $0) }
        sort = query.sort?.rawValue ?? ""
        order = query.descending ? "desc" : "asc"
        var filters = ""
        if let paymaster = query.paymaster { filters += "&paymaster=\(paymaster.rawValue)" }
        if let next = query.next { filters += "&next=\(next.rawValue)" }
        let labels: [(ClaimsQuery.Column, String, Bool)] = [
            (.claim, "Claim", false), (.service, "Service", false), (.paymaster, "Paymaster", false), (.outstanding, "Owed", true),
            (.due, "Due", true), (.overdue, "Days overdue", true), (.next, "Next step", false),
        ]
        columns = labels.map { column, label, numeric in
            let current = query.sort == column
            let nextOrder = current && !query.descending ? "desc" : "asc"
            return Column(
                key: column.rawValue,
                label: label,
                href: "\(base)?sort=\(column.rawValue)&order=\(nextOrder)\(filters)",
                arrow: current ? (query.descending ? "▼" : "▲") : nil,
                numeric: numeric,
                hideSmall: column == .service
            )
        }
        let shown = query.apply(to: report.rows)
        // A page past the end shows the last (and `?page=` of any size cannot overflow).
        let last = max(0, shown.count - 1) / Self.pageSize
        let start = min(query.page - 1, last) * Self.pageSize
        let end = min(start + Self.pageSize, shown.count)
        let here = "\(base)?sort=\(sort)&order=\(order)\(filters)&page="
        if shown.count > Self.pageSize {
            range = "Claims \(start + 1)–\(end) of \(shown.count)."
            previous = start > 0 ? here + "\(start / Self.pageSize)" : nil
            next = end < shown.count ? here + "\(start / Self.pageSize + 2)" : nil
        }
        rows = shown[start..<end].map {
            Row(
                claimID: $0.claimID,
                href: "\(base)/\($0.claimID)",
                service: $0.service,
                paymaster: $0.paymasterName,
                owed: $0.outstanding.formatted,
                dueOn: $0.dueOn.formatted,
                assumed: $0.dueBasis.isAssumed,
                daysOverdue: $0.daysOverdue,
                nextStep: $0.nextStep.summary
            )
        }
        count = rows.count
        owed = shown.reduce(Money.zero) { $0 + $1.outstanding }.formatted
    }
}
