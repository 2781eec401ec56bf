import Dispatch
import Foundation
import Synchronization

/// Maps over items on every core, keeping their order: rendering claims, or checking the
/// record's lines, is independent work.
///
/// The work is shared between this thread and one thread of its own per further core, each
/// taking the next chunk as it finishes one. Not `DispatchQueue.concurrentPerform`: called from
/// a Dispatch worker or a Swift concurrency thread (as every job is, in the CLI and the
/// service) it ran every chunk on the calling thread, one core.
public enum ParallelMap {
    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        map(items, chunks: 1, transform)
    }

    /// The same over `items` in chunks of `size`, for work too small to hand out one by one.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], chunks size: Int, _ transform: @Sendable (T) -> U) -> [U] {
        let chunks = (items.count + size - 1) / size
        let helpers = min(ProcessInfo.processInfo.activeProcessorCount, chunks) - 1
        guard helpers > 0 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        // Each index is written by exactly one chunk and read only after every thread has finished.
        nonisolated(unsafe) let slots = results
        let counter = ChunkCounter(chunks)
        let finished = DispatchSemaphore(value: 0)
        withoutActuallyEscaping(transform) { transform in
            // The helpers reach `transform` through the box, emptied before this block ends:
            // a thread object may keep its closure a moment after its work is done.
            let box = TransformBox(transform)
            let work: @Sendable () -> Void = {
                while let chunk = counter.next(), let transform = box.transform {
                    for index in (chunk * size)..<min((chunk + 1) * size, items.count) { slots[index] = transform(items[index]) }
                }
            }
            // A helper that could not be started leaves its share to the others and this thread.
            let started = (0..<helpers).count { _ in
                HelperThread.start {
                    work()
                    finished.signal()
                }
            }
            work()
            for _ in 0..<started { finished.wait() }
            box.transform = nil
        }
        // Moved out, not copied: a copy of 50,000 record entries retains every string in them once
        // more, and freeing the slots releases them all again.
        let mapped = [U](unsafeUninitializedCapacity: items.count) { buffer, count in
            for index in 0..<items.count { (buffer.baseAddress! + index).initialize(to: (results.baseAddress! + index).move()!) }
            count = items.count
        }
        results.deallocate()
        return mapped
    }
}

/// The transform the helper threads share; emptied when they have all finished.
private final class TransformBox<T, U>: @unchecked Sendable {
    // Set before the helpers start and emptied after they have all signalled.
    var transform: (@Sendable (T) -> U)?

    init(_ transform: @escaping @Sendable (T) -> U) { self.transform = transform }
}

/// Hands out chunk numbers 0, 1, 2... to whichever thread asks next.
private final class ChunkCounter: Sendable {
    private let state: Mutex<Int> = Mutex(0)
    private let count: Int

    init(_ count: Int) { self.count = count }

    func next() -> Int? {
        state.withLock { taken in
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
}

extension ParallelMap {
    /// Two independent pieces of work at once: `first` on a new thread, `second` on this one
    /// (reading the claims file while the record is read). Either's error is thrown, `first`'s
    /// when both fail.
    public static func both<A, B, E: Error>(
        _ first: @escaping @Sendable () throws(E) -> sending A,
        _ second: () throws(E) -> B
    ) throws(E) -> (A, B) {
        let slot = ResultSlot<A, E>()
        let done = DispatchSemaphore(value: 0)
        // A thread of its own, as for `map`: a block on Dispatch's global queue waited, when
        // both its threads were busy (one of them here), until Dispatch's monitor added one.
        // When no thread can be made, `first` runs here after `second`.
        let started = HelperThread.start {
            slot.result = Result { () throws(E) -> A in try first() }
            done.signal()
        }
        let second = Result { () throws(E) -> B in try second() }
        if started { done.wait() } else { slot.result = Result { () throws(E) -> A in try first() } }
        return (try slot.result!.get(), try second.get())
    }
}

/// `both`'s result from the other thread: written there before it signals, read here only
/// after the wait.
private final class ResultSlot<A, E: Error>: @unchecked Sendable {
    var result: Result<A, E>?
}
