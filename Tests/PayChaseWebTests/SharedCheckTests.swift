import Foundation
import Synchronization
import Testing

@testable import PayChaseWeb

/// The combined dashboard's file check, shared by requests that arrive together.
struct SharedCheckTests {
    /// Fifty callers at once: fewer checks than callers, and none is given a check that began
    /// before it asked (it could have missed a change the caller must see).
    @Test func callersShareChecksButNeverOneBegunBeforeThey() async {
        let check = SharedCheck<Int>()
        let begun = Counter()
        let results = await withTaskGroup(of: (asked: Int, got: Int).self) { group in
            for _ in 0..<50 {
                group.addTask {
                    let asked = begun.value
                    let got = await check.value {
                        let number = begun.next()
                        usleep(2_000)
                        return number
                    }
                    return (asked, got)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 50)
        #expect(results.allSatisfy { $0.got > $0.asked }, "each result is from a check begun after the caller asked")
        #expect(begun.value < 50, "callers waiting together shared a check")
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
