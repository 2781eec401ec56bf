import Dispatch
import Synchronization

/// Lets go of a large value off the caller's path: freed on a background thread, or, in a
/// command that runs once and exits, left for the end of the process (the kernel takes the
/// whole process back at once when it ends).
public enum Discard {
    /// Gives up `value`. Nothing else may be left holding it for the freeing to move: freeing
    /// a record read whole (half a million strings) or a claim history of 10,000 claims took as
    /// long as working out a report from them, and freed on another thread it held the
    /// allocator's lock while the report was being worked out.
    public static func later<Value>(_ value: consuming sending Value) {
        nonisolated(unsafe) let held = value
        // Only the first few are kept: a report over a network's hundreds of practices would
        // otherwise keep every practice's record until it ends.
        if keeping.load(ordering: .relaxed), kept.add(1, ordering: .relaxed).newValue <= keptAtMost {
            _ = Unmanaged.passRetained(Held(held))
            return
        }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }

    /// For a command that runs once and exits: the first few values given up are kept until the
    /// process ends. A process that lives on (the web service) never calls this.
    public static func keepUntilExit() { keeping.store(true, ordering: .relaxed) }

    /// As many as one practice's report gives up: its record, the view of it and its books.
    static let keptAtMost = 3

    private static let keeping = Atomic<Bool>(false)
    private static let kept = Atomic<Int>(0)

    private final class Held<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
