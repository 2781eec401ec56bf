import Dispatch

/// Maps over items on every core, keeping their order: rendering claims, or checking the
/// record's lines, is independent work.
public enum ParallelMap {
    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        map(items, chunks: 1, transform)
    }

    /// The same over `items` in chunks of `size`, for work too small to hand out one by one.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], chunks size: Int, _ transform: @Sendable (T) -> U) -> [U] {
        guard items.count > size else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one chunk and read only after all have finished.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: (items.count + size - 1) / size) { chunk in
            for index in (chunk * size)..<min((chunk + 1) * size, items.count) { slots[index] = transform(items[index]) }
        }
        return results.map { $0! }
    }
}
