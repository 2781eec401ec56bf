import Foundation
import PayChaseDomain
import PayChaseJobs

extension WebState {
    /// A job that only reads, off the cooperative pool; its failure as the web says it.
    func read<T: Sendable>(_ work: @escaping @Sendable () throws(PayChaseError) -> T) async throws(WebError) -> T {
        do { return try await Blocking.run(work) } catch { throw WebError(error) }
    }

    /// A job that writes to the practice's Outbox: one at a time, waiting for a `paychase`
    /// command that holds the lock.
    func write<T: Sendable>(_ practice: ServedPractice, _ work: @escaping @Sendable () throws(PayChaseError) -> T) async throws(WebError) -> T {
        do { return try await lane(practice).write(work) } catch { throw WebError(error) }
    }

    /// Where each claim stands today, made again only when its files have changed.
    /// As of today, or of `day` (the day a combined dashboard is stamped with).
    func status(_ practice: ServedPractice, asOf day: CalendarDate? = nil) async throws(WebError) -> StatusReport {
        let job = StatusJob(workspace: practice.workspace, asOf: day ?? today)
        let logger = logger
        let cache = statusCache
        return try await read { () throws(PayChaseError) in
            try cache.report(practice, job: job) { () throws(PayChaseError) in try job.run(logger: logger) }
        }
    }

    /// A view of the practice's status report (a page's content), rendered again only when the
    /// report changes or `key` (which names everything else the view shows) does.
    func view(_ practice: ServedPractice, key: String, render: @escaping @Sendable (StatusReport) -> String) async throws(WebError) -> String {
        let job = StatusJob(workspace: practice.workspace, asOf: today)
        let logger = logger
        let cache = statusCache
        if let view = cache.kept(practice, asOf: job.asOf, key: key) { return view }
        return try await read { () throws(PayChaseError) in
            try cache.view(practice, job: job, key: key, make: { () throws(PayChaseError) in try job.run(logger: logger) }, render: render)
        }
    }

    /// The practice's name from its profile, or its folder's when the profile cannot be read;
    /// the profile is read again only when it changes (and, read just after a change, until it
    /// has settled: `FileStamp.settled`).
    func practiceName(_ practice: ServedPractice) async -> String {
        let workspace = practice.workspace
        let fallback = practice.slug.isEmpty ? "This practice" : practice.slug
        let taken = configuration.fileClock()
        let stamp = FileStamp(of: workspace.configPath)
        if let known = names.withLock({ $0[practice.slug] }), known.stamp == stamp { return known.name }
        let name = await Blocking.run { (try? workspace.loadProfile().practice.name) ?? fallback }
        if taken >= stamp.settled { names.withLock { $0[practice.slug] = (stamp, name) } }
        return name
    }

    /// A view of every practice's dashboard together (`--practices`), in folder order, kept until
    /// a practice's files change; the practices' digests are made on every core.
    func combined(_ view: CombinedDashboard.View) async -> String {
        let day = today
        return await combinedCache.view(
            configuration.practices,
            asOf: day,
            key: view.key,
            parallel: ProcessInfo.processInfo.activeProcessorCount,
            logger: logger,
            digest: { [self] practice in
                let name = await practiceName(practice)
                do throws(WebError) {
                    return PracticeDigest(practice: practice, name: name, report: try await status(practice, asOf: day))
                } catch {
                    return PracticeDigest(practice: practice, name: name, problem: error.lines.joined(separator: "; "))
                }
            },
            render: view.render
        )
    }
}
