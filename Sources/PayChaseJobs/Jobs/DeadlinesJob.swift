import Foundation
import Logging
import PayChaseDomain
import PayChaseInput

/// `paychase deadlines`: each period of each scheduled service whose claim or evidence is due,
/// soonest first, and those already missed, with what the unclaimed ones usually bring.
public struct DeadlinesJob: Sendable {
    public var workspace: Workspace
    public var asOf: CalendarDate

    public init(workspace: Workspace, asOf: CalendarDate) {
        self.workspace = workspace
        self.asOf = asOf
    }

    public func run(logger: Logger) throws(PayChaseError) -> DeadlineList {
        let profile = try workspace.loadProfile()
        let (record, claims) = try workspace.readRecordAndClaims(profile: profile)
        guard FileManager.default.fileExists(atPath: workspace.servicesPath) else {
            throw PayChaseError(
                .configuration,
                [
                    Problem(
                        file: workspace.servicesPath,
                        "is not there: deadlines come from the services file's frequency and claim_by columns (see README, \"Deadlines\")"
                    )
                ]
            )
        }
        let list =
            try Self.list(workspace: workspace, record: record, claims: claims, asOf: asOf) ?? DeadlineList(services: [], claims: [], asOf: asOf)
        logger.debug("deadlines", metadata: ["due": "\(list.due.count)", "missed": "\(list.missed.count)"])
        return list
    }

    /// The deadlines when the services file is there and schedules a service; nil otherwise.
    static func list(workspace: Workspace, record: RecordView, claims: [Claim], asOf: CalendarDate) throws(PayChaseError) -> DeadlineList? {
        guard FileManager.default.fileExists(atPath: workspace.servicesPath) else { return nil }
        let services: [ServiceWorkload]
        do { services = try ServicesLoader().load(path: workspace.servicesPath) } catch { throw Workspace.failure(error) }
        guard services.contains(where: { $0.schedule != nil }) else { return nil }
        return DeadlineList(services: services, claims: claims, evidenceSent: record.history.evidenceSent, asOf: asOf)
    }
}
