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
        var views: [String: String] = [:]
    }

    private struct Kept {
        var stamp: StatusCache.Stamp
        var digest: PracticeDigest
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
        let now = await stamps.value { Self.stamps(of: files.paths) }
        let stamp = StatusCache.Stamp(files: now, asOf: asOf)
        if let view = kept(stamp, key) { return view }
        let stamps = files.places.map { places in StatusCache.Stamp(files: places.map { now[$0] }, asOf: asOf) }
        await gate.enter()
        defer { gate.leave() }
        if let view = kept(stamp, key) { return view }
        let started = ContinuousClock.now
        let (digests, changed) = await digests(practices, stamps: stamps, parallel: parallel, make: digest)
        let view = render(CombinedDashboard(digests: digests, asOf: asOf))
        logger.info(
            "combined dashboard made",
            metadata: ["view": "\(key)", "practices": "\(practices.count)", "made again": "\(changed)", "took": "\(ContinuousClock.now - started)"]
        )
        made.withLock { made in
            if made?.stamp != stamp { made = Made(stamp: stamp) }
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

    private func kept(_ stamp: StatusCache.Stamp, _ key: String) -> String? {
        made.withLock { made in made?.stamp == stamp ? made?.views[key] : nil }
    }

    /// Each practice's digest, in folder order: the kept one where its stamp is unchanged, else
    /// made anew, several at once; and how many were made anew.
    private func digests(
        _ practices: [ServedPractice],
        stamps: [StatusCache.Stamp],
        parallel: Int,
        make: @escaping @Sendable (ServedPractice) async -> PracticeDigest
    ) async -> ([PracticeDigest], Int) {
        var found = digests.withLock { kept in
            zip(practices, stamps).map { practice, stamp in kept[practice.slug].flatMap { $0.stamp == stamp ? $0.digest : nil } }
        }
        let missing = found.indices.filter { found[$0] == nil }
        await withTaskGroup(of: (Int, PracticeDigest).self) { group in
            var next = missing.makeIterator()
            for _ in 0..<max(1, parallel) {
                guard let index = next.next() else { break }
                let practice = practices[index]
                group.addTask { (index, await make(practice)) }
            }
            for await (index, digest) in group {
                found[index] = digest
                if let index = next.next() {
                    let practice = practices[index]
                    group.addTask { (index, await make(practice)) }
                }
            }
        }
        // Stamped as they were before the files were read: a change made meanwhile shows as a new stamp.
        digests.withLock { kept in
            for index in missing { kept[practices[index].slug] = Kept(stamp: stamps[index], digest: found[index]!) }
        }
        return (found.map { $0! }, missing.count)
    }
}
