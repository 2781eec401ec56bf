import Dispatch
import Foundation
import PayChaseConcurrency
import Synchronization
import Testing

/// `ParallelMap` keeps the order, and shares the work with a second thread from where jobs run
/// (a Dispatch worker while the others are busy, a Swift concurrency thread). Under
/// `concurrentPerform` the second thread came only when Dispatch's monitor added one, about a
/// second later, so a job shorter than that ran on one core; these tests wait up to that second
/// and so catch work that stays on one thread, not that delay (which the benchmark shows).
struct ParallelMapTests {
    @Test func theResultsAreInTheItemsOrder() {
        let items = Array(0..<10_000)
        #expect(ParallelMap.map(items, chunks: 64) { $0 * 3 } == items.map { $0 * 3 })
        #expect(ParallelMap.map([7]) { "\($0)" } == ["7"])
        #expect(ParallelMap.map([Int](), chunks: 8) { $0 }.isEmpty)
    }

    /// Each chunk waits until a second thread has joined, or for a second at most: with one
    /// thread doing every chunk, only one thread is ever seen.
    static func threadsSeen() -> Int {
        let seen = Mutex<Set<String>>([])
        _ = ParallelMap.map(Array(0..<8), chunks: 1) { _ in
            let name = "\(Unmanaged.passUnretained(Thread.current).toOpaque())"
            seen.withLock { _ = $0.insert(name) }
            let deadline = Date().addingTimeInterval(1)
            while seen.withLock({ $0.count }) < 2 && Date() < deadline { usleep(1_000) }
            return 0
        }
        return seen.withLock { $0.count }
    }

    /// As in the service, where a page's job runs on a Dispatch thread while others are busy:
    /// every other Dispatch thread is kept busy meanwhile.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func aJobOnADispatchThreadUsesASecondThreadWhileTheOthersAreBusy() async {
        let done = Flag()
        let busy = DispatchGroup()
        for _ in 1..<ProcessInfo.processInfo.activeProcessorCount {
            DispatchQueue.global().async(group: busy) {
                while !done.value.load(ordering: .relaxed) { usleep(1_000) }
            }
        }
        let threads = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Self.threadsSeen()) }
        }
        done.value.store(true, ordering: .relaxed)
        busy.wait()
        #expect(threads >= 2)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func aJobInATaskUsesASecondThread() async {
        #expect(await Task { Self.threadsSeen() }.value >= 2)
    }

    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    struct Failure: Error, Equatable {
        var which: String
    }

    @Test func bothGivesBothResultsAndTheFirstsErrorFirst() throws {
        let (a, b) = try ParallelMap.both({ () throws(Failure) in 40 }, { () throws(Failure) in "two" })
        #expect(a == 40 && b == "two")
        #expect(throws: Failure(which: "first")) {
            _ = try ParallelMap.both(
                { () throws(Failure) -> Int in throw Failure(which: "first") },
                { () throws(Failure) -> Int in
                    throw Failure(which: "second")
                }
            )
        }
        #expect(throws: Failure(which: "second")) {
            _ = try ParallelMap.both({ () throws(Failure) in 1 }, { () throws(Failure) -> Int in throw Failure(which: "second") })
        }
    }
}
