import Foundation
import Logging
import PayChaseConcurrency
import PayChaseDomain
import Synchronization

/// The combined dashboard of `--practices`, kept as a practice's is: its page and its JSON are
/// made once and kept while no practice's files change (each request only `stat`s them), and when
/// one does, only that practice's digest is made again before the rest are added up afresh.
final class CombinedCache: Sendable {
    private struct Made {
        var stamp: StatusCache.Stamp
        /// When a digest made from files that had not settled is to be made again (nil: none was).
        var remakeAt: Int?
        var views: [String: String] = [:]

        func view(_ stamp: StatusCache.Stamp, _ key: String, second: Int) -> String? {
            guard stamp == self.stamp, second < remakeAt ?? .max else { return nil }
            return views[key]
        }
    }

    private struct Kept {
        var stamp: StatusCache.Stamp
        var digest: PracticeDigest
        /// Made from files that had not settled (`StatusCache.Stamp.settled`): made again from this second on.
        var remakeAt: Int?

        func current(_ stamp: StatusCache.Stamp, second: Int) -> PracticeDigest? {
            stamp == self.stamp && second < remakeAt ?? .max ? digest : nil
        }
    }

    /// Every practice's files, each once (the Bank Rate table is everyone's), and where each
    /// practice's are among them; worked out on first use.
    private struct Files {
        var paths: [String]
        var places: [[Int]]

        init(_ practices: [ServedPractice]) {
            var paths: [String] = []
            var place: [String: Int] = [:]
            places = practices.map { practice in
                StatusCache.files(practice.workspace).map { path in
                    if let known = place[path] { return known }
                    paths.append(path)
                    place[path] = paths.count - 1
                    return paths.count - 1
                }
            }
            self.paths = paths
        }
    }

    /// The wall clock's second, as the files' times are compared with.
    private let clock: @Sendable () -> Int

    init(clock: @escaping @Sendable () -> Int = { FileStamp.second() }) { self.clock = clock }

    private let files = Mutex<Files?>(nil)
    /// The files' stamps, one `stat` each, shared by requests that arrive together.
    private let stamps = SharedCheck<[FileStamp]>()

    private let made = Mutex<Made?>(nil)
    private let digests = Mutex<[String: Kept]>([:])
    /// Held while the combined dashboard is made, so that requests arriving together make it once.
    private let gate = AsyncGate()

    /// The view called `key` of the combined dashboard of `practices` as of `asOf`, rendered by
    /// `render` only when a practice's files have changed since; `digest` makes one practice's
    /// digest, at most `parallel` at a time.
    func view(
        _ practices: [ServedPractice],
        asOf: CalendarDate,
        key: String,
        parallel: Int,
        logger: Logger,
        digest: @escaping @Sendable (ServedPractice) async -> PracticeDigest,
        render: (CombinedDashboard) -> String
    ) async -> String {
        let files = files.withLock { files in
            if files == nil { files = Files(practices) }
            return files!
        }
        let taken = clock()
        let now = await stamps.value { Self.stamps(of: files.paths) }
        let stamp = StatusCache.Stamp(files: now, asOf: asOf)
        if let view = made.withLock({ $0?.view(stamp, key, second: taken) }) { return view }
        let stamps = files.places.map { places in StatusCache.Stamp(files: places.map { now[$0] }, asOf: asOf) }
        await gate.enter()
        defer { gate.leave() }
        if let view = made.withLock({ $0?.view(stamp, key, second: taken) }) { return view }
        let started = ContinuousClock.now
        let (digests, remakeAt, changed, kept) = await digests(practices, stamps: stamps, taken: taken, parallel: parallel, make: digest)
        let view = render(CombinedDashboard(digests: digests, asOf: asOf))
        logger.info(
            "combined dashboard made",
            metadata: [
                "view": "\(key)", "practices": "\(practices.count)", "made again": "\(changed)", "read as kept": "\(kept)",
                "took": "\(ContinuousClock.now - started)",
            ]
        )
        made.withLock { made in
            if made?.stamp != stamp || made?.remakeAt != remakeAt { made = Made(stamp: stamp, remakeAt: remakeAt) }
            made!.views[key] = view
        }
        return view
    }

    /// Each file's stamp; a large network's on both cores (a `stat` is a few microseconds, and
    /// 1,000 practices have 5,000 files).
    static func stamps(of paths: [String]) -> [FileStamp] {
        paths.count < 2 * statChunk ? paths.map(FileStamp.init(of:)) : ParallelMap.map(paths, chunks: statChunk, FileStamp.init(of:))
    }

    static let statChunk = 1024

    /// Each practice's digest, in folder order: the one in memory where its stamp is unchanged,
    /// else the one kept on disk (`KeptDigest`) where that matches, else made anew and kept;
    /// several at once. With the second from which one made from files not yet settled is to be
    /// made again, how many were made anew and how many read as kept.
    private func digests(
        _ practices: [ServedPractice],
        stamps: [StatusCache.Stamp],
        taken: Int,
        parallel: Int,
        make: @escaping @Sendable (ServedPractice) async -> PracticeDigest
    ) async -> ([PracticeDigest], remakeAt: Int?, made: Int, kept: Int) {
        var found = digests.withLock { known in
            zip(practices, stamps).map { practice, stamp in known[practice.slug]?.current(stamp, second: taken) }
        }
        let missing = found.indices.filter { found[$0] == nil }
        var kept = 0
        await withTaskGroup(of: (Int, PracticeDigest, Bool).self) { group in
            var next = missing.makeIterator()
            let start = { (group: inout TaskGroup<(Int, PracticeDigest, Bool)>) in
                guard let index = next.next() else { return false }
                let (practice, stamp) = (practices[index], stamps[index])
                group.addTask {
                    if let digest = await Blocking.run({ KeptDigest.read(practice, stamp: stamp) }) { return (index, digest, true) }
                    let digest = await make(practice)
                    await Blocking.run { KeptDigest.keep(digest, stamp: stamp, taken: taken) }
                    return (index, digest, false)
                }
                return true
            }
            for _ in 0..<max(1, parallel) where !start(&group) { break }
            for await (index, digest, wasKept) in group {
                found[index] = digest
                if wasKept { kept += 1 }
                _ = start(&group)
            }
        }
        // Stamped as they were before the files were read: a change made meanwhile shows as a new stamp.
        return digests.withLock { known in
            for index in missing {
                known[practices[index].slug] = Kept(stamp: stamps[index], digest: found[index]!, remakeAt: stamps[index].remakeAt(readFrom: taken))
            }
            let remakeAt = practices.compactMap { known[$0.slug]?.remakeAt }.min()
            return (found.map { $0! }, remakeAt, missing.count - kept, kept)
        }
    }
}
