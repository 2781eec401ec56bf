import Foundation
import PayChaseKit
import Synchronization

/// Each practice's status report, kept until a file it is made from changes (the profile, the
/// claims, the record and its head, the Bank Rate table) or the day does: the dashboard and the
/// claims table are read far more often than the record is written.
final class StatusCache: Sendable {
    private struct Entry {
        var stamp: [String]
        var report: StatusReport
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The report for `practice` as of `job.asOf`, made by `job` only when something changed.
    func report(_ practice: Practice, job: StatusJob, make: () throws(PayChaseError) -> StatusReport) throws(PayChaseError) -> StatusReport {
        let stamp = Self.stamp(practice.workspace) + [job.asOf.description]
        if let entry = entries.withLock({ $0[practice.slug] }), entry.stamp == stamp { return entry.report }
        let report = try make()
        entries.withLock { $0[practice.slug] = Entry(stamp: stamp, report: report) }
        return report
    }

    /// Each file's inode, size and change time: a rename into place or an append changes one.
    static func stamp(_ workspace: Workspace) -> [String] {
        let files = [
            workspace.configPath, workspace.claimsPath, workspace.outbox.deliveryLog, "\(workspace.outbox.root)/deliveries.head",
            workspace.bankRatePath,
        ]
        return files.map { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return "-" }
            return "\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_nsec)"
        }
    }
}
