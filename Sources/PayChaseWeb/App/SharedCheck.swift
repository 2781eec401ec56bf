import Synchronization

/// A check that requests arriving together share: each gets the result of a check begun after it
/// arrived (never one begun before, which could have missed a change it must see), but while one
/// is being made the others wait for the next, which one of them makes for all. Under load, one
/// check serves a crowd; alone, a request makes its own.
final class SharedCheck<Value: Sendable>: Sendable {
    private struct State {
        /// How many checks have begun; the one running, if any, is the last.
        var begun = 0
        var running = false
        var last: (number: Int, value: Value)?
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Requests waiting for a check to end, and whether one is running (for the tests).
    var waiting: Int { state.withLock { $0.waiting.count } }
    var isRunning: Bool { state.withLock { $0.running } }

    func value(_ make: () -> Value) async -> Value {
        // Any check numbered this or later begins after now.
        let needed = state.withLock { $0.begun + 1 }
        while true {
            let mine: Int? = state.withLock { state in
                if state.running { return nil }
                state.begun += 1
                state.running = true
                return state.begun
            }
            if let number = mine {
                let value = make()
                let waiting = state.withLock { state in
                    state.last = (number, value)
                    state.running = false
                    defer { state.waiting = [] }
                    return state.waiting
                }
                for waiter in waiting { waiter.resume() }
                return value
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state in
                    guard state.running else { return true }
                    state.waiting.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
            if let last = state.withLock({ $0.last }), last.number >= needed { return last.value }
        }
    }
}
