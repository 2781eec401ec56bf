import Logging
import PayChaseDomain
import PayChaseInput
import PayChaseReports

/// `paychase report value`: the service value review, for one practice or each practice of a
/// network folder (each with its own services file and costs) and the network together.
public struct ValueReportJob: Sendable {
    /// Each practice, with the services file that describes its work.
    public var practices: [(workspace: Workspace, services: String)]
    public var asOf: CalendarDate

    public init(practices: [(workspace: Workspace, services: String)], asOf: CalendarDate) {
        self.practices = practices
        self.asOf = asOf
    }

    public func run(logger: Logger) throws(PayChaseError) -> ValueReport {
        let reviewed = try Workspace.each(practices) { practice throws(PayChaseError) in
            try review(practice.workspace, services: practice.services)
        }
        logger.debug("value review", metadata: ["practices": "\(reviewed.count)"])
        return ValueReport(practices: reviewed)
    }

    private func review(_ workspace: Workspace, services path: String) throws(PayChaseError) -> ValueReport.PracticeReview {
        let profile = try workspace.loadProfile()
        guard let costs = profile.costs else {
            throw PayChaseError(
                .configuration,
                [
                    Problem(
                        file: workspace.configPath,
                        field: "costs",
                        "is missing: the service value review needs what an hour of each role costs, such as costs: { gp: 95.00, nurse: 38.00, hca: 22.00, admin: 18.00 }"
                    )
                ]
            )
        }
        let claims = try workspace.ledger(profile: profile).claims
        let workloads: [ServiceWorkload]
        do { workloads = try ServicesLoader().load(path: path) } catch { throw Workspace.failure(error) }
        let unclaimed = DeadlineList(services: workloads, claims: claims, asOf: asOf).unclaimed
        return .init(
            name: profile.practice.name,
            costs: costs,
            value: ValueAnalysis(workloads: workloads, claims: claims, costs: costs, asOf: asOf),
            unclaimed: unclaimed
        )
    }
}
