import Foundation
import PayChaseJobs
import PayChaseReports

/// A practice's digest as the web service keeps it in `Outbox/web/digest.json`, with the stamps
/// of the files it was made from: after a restart, the combined dashboard is made from the kept
/// digests of the practices whose files are unchanged (300 small files) rather than from every
/// practice's claims and record (seconds for a network). A digest is only ever a copy of what the
/// files say: one that does not match (another day, a changed file, another build of PayChase,
/// another address, a damaged file) is made again from the files and kept anew.
struct KeptDigest: Codable {
    /// Changed whenever what is kept changes meaning.
    static let currentFormat = 1
    /// The running program's stamp: an upgrade makes every digest again.
    static let currentProgram: FileStamp = {
        let linux = FileStamp(of: "/proc/self/exe")
        return linux != .missing ? linux : FileStamp(of: Bundle.main.executablePath ?? CommandLine.arguments[0])
    }()

    var format: Int
    var program: FileStamp
    var pagePath: String
    var stamp: StatusCache.Stamp
    var name: String
    var totals: [StatusReport.Total]
    var debt: AgedDebt
    var claims: Int
    var actions: [ActionRow]
    var actionCount: Int

    static func path(_ practice: ServedPractice) -> String { "\(practice.webFolder)/digest.json" }

    /// The kept digest of `practice` when it was made from files stamped `stamp` by this program.
    static func read(_ practice: ServedPractice, stamp: StatusCache.Stamp) -> PracticeDigest? {
        guard let data = FileManager.default.contents(atPath: path(practice)),
            let kept = try? JSONDecoder().decode(KeptDigest.self, from: data),
            kept.format == currentFormat, kept.program == currentProgram, kept.pagePath == practice.pagePath, kept.stamp == stamp
        else { return nil }
        return PracticeDigest(practice: practice, kept: kept)
    }

    /// Keeps `digest`, made from files stamped `stamp` and read from the second `taken` on, beside
    /// the practice's record. Not kept: a digest that is only a problem (cheap to find again),
    /// anything for a practice without an Outbox, and a digest made from files that had not yet
    /// settled (`StatusCache.Stamp.settled`). Keeping is best effort: one not kept is made again.
    static func keep(_ digest: PracticeDigest, stamp: StatusCache.Stamp, taken: Int) {
        let practice = digest.practice
        guard digest.problem == nil, taken >= stamp.settled, FileManager.default.fileExists(atPath: practice.workspace.outbox.root) else { return }
        let kept = KeptDigest(
            format: currentFormat,
            program: currentProgram,
            pagePath: practice.pagePath,
            stamp: stamp,
            name: digest.name,
            totals: digest.totals,
            debt: digest.debt,
            claims: digest.claims,
            actions: digest.actions,
            actionCount: digest.actionCount
        )
        guard let data = try? JSONEncoder().encode(kept) else { return }
        try? AtomicFile.makeDirectories(practice.webFolder)
        try? AtomicFile.replace(Array(data), at: path(practice), mode: 0o600)
    }
}
