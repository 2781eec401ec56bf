import Foundation
import Synchronization
import Testing

@testable import PayChaseWeb

/// The combined dashboard's file check, shared by requests that arrive together.
struct SharedCheckTests {
    /// Twenty callers at once: none is given a check that began
    /// before it asked (it could have missed a change the caller must see).
    @Test func noCallerIsGivenACheckBegunBeforeItAsked() async {
        let check = SharedCheck<Int>()
        let begun = Counter()
        let results = await withTaskGroup(of: (asked: Int, got: Int).self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let asked = begun.value
                    let got = await check.value {
                        let number = begun.next()
                        usleep(1_000)
                        return number
                    }
                    return (asked, got)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 20)
        #expect(results.allSatisfy { $0.got > $0.asked }, "each result is from a check begun after the caller asked")
    }

    /// Ten callers that arrive while a check is running wait for it, and then share one check
    /// between them (begun after they all arrived), not ten.
    @Test func callersWhoArriveDuringACheckShareTheNextOne() async throws {
        let check = SharedCheck<Int>()
        let begun = Counter()
        let release = DispatchSemaphore(value: 0)
        let first = Task {
            await check.value {
                release.wait()
                return begun.next()
            }
        }
        while !check.isRunning { try await Task.sleep(for: .milliseconds(5)) }
        let others = (0..<10).map { _ in Task { await check.value { begun.next() } } }
        while check.waiting < 10 { try await Task.sleep(for: .milliseconds(5)) }
        release.signal()
        #expect(await first.value == 1)
        var got: [Int] = []
        for other in others { got.append(await other.value) }
        #expect(got == Array(repeating: 2, count: 10), "the ten shared the one check begun after they came")
        #expect(begun.value == 2)
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func next() -> Int {
            count.withLock {
                $0 += 1
                return $0
            }
        }
    }
}
