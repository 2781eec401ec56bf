import Logging
import PayChaseDomain

/// `paychase draft next`: for each chosen claim, only the step `status` proposes for it today,
/// drafted as `paychase draft <that template>` would; a claim with nothing to send today is
/// passed over with a note saying what its next step is.
public struct NextDraftJob: Sendable {
    public var workspace: Workspace
    public var selection: ClaimSelection
    public var asOf: CalendarDate

    public init(workspace: Workspace, selection: ClaimSelection, asOf: CalendarDate) {
        self.workspace = workspace
        self.selection = selection
        self.asOf = asOf
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> DraftResult {
        // The profile and the record are read once, for the steps and for every document drafted.
        let profile = try workspace.loadProfile()
        let (record, claims) = try workspace.readRecordAndClaims(profile: profile)
        let rows = StatusJob(workspace: workspace, asOf: asOf).claimsReport(profile: profile, record: record, claims: claims).rows
        var result = DraftResult()
        let chosen: [StatusReport.Row]
        switch selection {
        case .overdue:
            chosen = rows.filter { $0.daysOverdue > 0 && $0.outstanding > .zero }
        case .ids(let ids):
            for id in ids where !rows.contains(where: { $0.claimID == id }) {
                throw PayChaseError(.usage, "claim '\(id)' is not in \(workspace.claimsPath)")
            }
            chosen = rows.filter { ids.contains($0.claimID) }
        }
        // One batch per document, in the ladder's order, each drafting only its own claims.
        var byTemplate: [String: [String]] = [:]
        for row in chosen {
            guard row.nextStep.action == .send, !row.nextStep.templates.isEmpty else {
                result.notes.append(.nothingToSend(claimID: row.claimID, nextStep: row.nextStep.summary))
                continue
            }
            for template in row.nextStep.templates { byTemplate[template, default: []].append(row.claimID) }
        }
        let order = DocumentName.all + byTemplate.keys.filter { !DocumentName.all.contains($0) }.sorted()
        for template in order {
            guard let ids = byTemplate[template] else { continue }
            let job = DraftJob(workspace: workspace, template: template, selection: .ids(ids), asOf: asOf)
            let drafted = try job.prepare(profile: profile, record: record, logger: logger, clock: clock).result
            result.written += drafted.written
            result.notes += drafted.notes
            result.problems += drafted.problems
            result.warnings += drafted.warnings
        }
        return result
    }
}
