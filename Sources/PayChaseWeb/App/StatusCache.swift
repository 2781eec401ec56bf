import Foundation
import PayChaseDomain
import PayChaseJobs
import Synchronization

/// Each practice's status report, kept until a file it is made from changes (the profile, the
/// claims, the record and its head, the Bank Rate table, the services file) or the day does: the dashboard and the
/// claims table are read far more often than the record is written. Beside it, the pages made
/// from it (the dashboard's content, a sorted and filtered page of the claims table), which
/// change only when it does or when what else they show does (their key says what).
final class StatusCache: Sendable {
    /// The practice's files' stamps and the day the report is as of.
    struct Stamp: Equatable, Sendable, Codable {
        var files: [FileStamp]
        var asOf: CalendarDate

        /// The first second from which what the files say, read then, stays true for as long
        /// as their stamp does (`FileStamp.settled`).
        var settled: Int { files.map(\.settled).max() ?? 0 }

        /// Nil when what was read of the files from the second `taken` on stays true for as long
        /// as this stamp does; else the second from which it is to be read again.
        func remakeAt(readFrom taken: Int) -> Int? { taken >= settled ? nil : settled }
    }

    private struct Entry {
        var stamp: Stamp
        /// The report, or why it could not be made (a damaged record stays damaged until a
        /// file changes: fifty requests should not each read it again to find that out).
        var report: Result<StatusReport, PayChaseError>
        /// Made from files read before they had settled: made again from this second on.
        var remakeAt: Int?
        var views: [String: String] = [:]
    }

    /// The wall clock's second, as the files' times are compared with.
    private let clock: @Sendable () -> Int

    init(clock: @escaping @Sendable () -> Int = { FileStamp.second() }) { self.clock = clock }

    private let entries = Mutex<[String: Entry]>([:])
    /// Per practice, held while its report is made, so that fifty requests arriving together
    /// make it once; each practice's own, so one practice's reading does not hold up another's.
    private let making = Mutex<[String: Gate]>([:])

    private final class Gate: Sendable {
        let lock = Mutex<Void>(())
    }
    /// Views kept per practice; past this they are all made again as asked for.
    static let viewLimit = 64

    /// The report for `practice` as of `job.asOf`, made by `job` only when something changed.
    func report(_ practice: ServedPractice, job: StatusJob, make: () throws(PayChaseError) -> StatusReport) throws(PayChaseError) -> StatusReport {
        try entry(practice, job: job, make: make).report
    }

    /// The view called `key` of the report for `practice`, rendered by `render` only when the
    /// report has changed since it was last rendered.
    func view(
        _ practice: ServedPractice,
        job: StatusJob,
        key: String,
        make: () throws(PayChaseError) -> StatusReport,
        render: (StatusReport) -> String
    ) throws(PayChaseError) -> String {
        let found = try entry(practice, job: job, make: make)
        if let view = found.views[key] { return view }
        let view = render(found.report)
        entries.withLock { entries in
            guard entries[practice.slug]?.stamp == found.stamp else { return }
            if entries[practice.slug]!.views.count >= Self.viewLimit { entries[practice.slug]!.views = [:] }
            entries[practice.slug]!.views[key] = view
        }
        return view
    }

    /// The view called `key`, when it is kept and nothing it was made from has changed: a few
    /// `stat` calls, cheap enough to make on the request's own thread.
    func kept(_ practice: ServedPractice, asOf: CalendarDate, key: String) -> String? {
        current(practice, Stamp(files: Self.stamp(practice.workspace), asOf: asOf))?.views[key]
    }

    private func entry(
        _ practice: ServedPractice,
        job: StatusJob,
        make: () throws(PayChaseError) -> StatusReport
    ) throws(PayChaseError) -> (stamp: Stamp, report: StatusReport, views: [String: String]) {
        let taken = clock()
        let stamp = Stamp(files: Self.stamp(practice.workspace), asOf: job.asOf)
        if let entry = current(practice, stamp) { return (stamp, try entry.report.get(), entry.views) }
        let gate = making.withLock { gates in
            if let gate = gates[practice.slug] { return gate }
            let gate = Gate()
            gates[practice.slug] = gate
            return gate
        }
        return try gate.lock.withLock { _ throws(PayChaseError) in
            if let entry = current(practice, stamp) { return (stamp, try entry.report.get(), entry.views) }
            let report = Result { () throws(PayChaseError) in try make() }
            entries.withLock { $0[practice.slug] = Entry(stamp: stamp, report: report, remakeAt: stamp.remakeAt(readFrom: taken)) }
            return (stamp, try report.get(), [:])
        }
    }

    private func current(_ practice: ServedPractice, _ stamp: Stamp) -> Entry? {
        guard let entry = entries.withLock({ entries in entries[practice.slug] }), entry.stamp == stamp, clock() < entry.remakeAt ?? .max
        else { return nil }
        return entry
    }

    /// The files a practice's report is made from: the profile, the claims, the record and its
    /// head, the Bank Rate table and the services file.
    static func files(_ workspace: Workspace) -> [String] {
        [
            workspace.configPath, workspace.claimsPath, workspace.outbox.deliveryLog, "\(workspace.outbox.root)/deliveries.head",
            workspace.bankRatePath, workspace.servicesPath,
        ]
    }

    /// Each of those files' stamp.
    static func stamp(_ workspace: Workspace) -> [FileStamp] { files(workspace).map(FileStamp.init(of:)) }
}
