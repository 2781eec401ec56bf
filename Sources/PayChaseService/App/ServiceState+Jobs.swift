import PayChaseDomain
import PayChaseKit

extension ServiceState {
    /// A job that only reads, off the cooperative pool; its failure as the web says it.
    func read<T: Sendable>(_ work: @escaping @Sendable () throws(PayChaseError) -> T) async throws(WebError) -> T {
        do { return try await Blocking.run(work) } catch { throw WebError(error) }
    }

    /// A job that writes to the practice's Outbox: one at a time, waiting for a `paychase`
    /// command that holds the lock.
    func write<T: Sendable>(_ practice: Practice, _ work: @escaping @Sendable () throws(PayChaseError) -> T) async throws(WebError) -> T {
        do { return try await lane(practice).write(work) } catch { throw WebError(error) }
    }

    /// Where each claim stands today, made again only when its files have changed.
    func status(_ practice: Practice) async throws(WebError) -> StatusReport {
        let job = StatusJob(workspace: practice.workspace, asOf: today)
        let logger = logger
        let cache = statusCache
        return try await read { () throws(PayChaseError) in
            try cache.report(practice, job: job) { () throws(PayChaseError) in try job.run(logger: logger) }
        }
    }

    /// The practice's name from its profile, or its folder's when the profile cannot be read.
    func practiceName(_ practice: Practice) async -> String {
        let workspace = practice.workspace
        let fallback = practice.slug.isEmpty ? "This practice" : practice.slug
        return await Blocking.run { (try? workspace.loadProfile().practice.name) ?? fallback }
    }
}
