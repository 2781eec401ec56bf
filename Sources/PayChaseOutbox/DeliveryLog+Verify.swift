import Foundation
import PayChaseConcurrency
import PayChaseDomain

#if canImport(Glibc)
import Glibc
#endif

extension DeliveryLog {
    /// What `verify` found.
    public struct Verification: Sendable {
        public var entries: Int
        /// The first problem, naming the line; nil when the log is intact.
        public var problem: String?
        /// The last line was cut off by a crash while it was written: the head, written after
        /// each complete line, still matches the lines before it. It is dropped at the next append.
        public var tornByCrash = false
        /// The head names entries a power cut took before they reached the disk (or the head
        /// was lost), and the in-flight window accounts for exactly them: not damage. The next
        /// working session sets the head back.
        public var powerCut: PowerCut?
    }

    /// Checks every line's own hash, the chain between lines, and the last line against the head.
    public func verify() -> Verification { verify(read()) }

    /// Checks what one read found. A last line without its newline is a crash's only when the
    /// complete lines before it verify against the head; otherwise it is damage like any other.
    public func verify(_ contents: Contents) -> Verification {
        if contents.unreadable { return Verification(entries: 0, problem: FileLine.format(file: path, "cannot be read")) }
        var result = verifyComplete(contents)
        if contents.torn && result.problem == nil { result.tornByCrash = true }
        return result
    }

    /// Checks the complete lines, then the newest of them against the head. A missing log is an
    /// empty one: its head, if any, still says how many entries there were.
    private func verifyComplete(_ contents: Contents) -> Verification {
        // Every complete line, empty ones too, as `read` split and decoded them.
        let lines = contents.completeLines
        let decoded = contents.decoded
        let all = contents.records
        // A line in the plain canonical form had its own hash checked as it was read. Any other
        // must be the very line `seal` writes for its record (each on its own, on every core).
        let unchecked = lines.indices.filter { decoded[$0].record != nil && decoded[$0].sealed == nil }
        let slowChecks = ParallelMap.map(unchecked, chunks: 512) { index -> Bool in
            let place = decoded[index].record!
            let (canonical, sealed) = Self.seal(all[place], after: all[place].previous)
            return sealed.hash == all[place].hash && canonical == contents.line(index)
        }
        var sealedRight = decoded.map { $0.sealed ?? false }
        for (index, right) in zip(unchecked, slowChecks) { sealedRight[index] = right }
        var previous = SHA256Hex.zero
        for index in lines.indices {
            let number = index + 1
            guard let place = decoded[index].record else {
                return Verification(entries: index, problem: FileLine.format(file: path, line: number, "is not a delivery entry (edited or damaged)"))
            }
            guard sealedRight[index] else {
                return Verification(
                    entries: index,
                    problem: FileLine.format(file: path, line: number, "was edited (its contents no longer match its hash)")
                )
            }
            guard all[place].previous == previous else {
                return Verification(
                    entries: index,
                    problem: FileLine.format(
                        file: path,
                        line: number,
                        "does not follow line \(number - 1): an entry before it was removed or the lines were reordered"
                    )
                )
            }
            previous = all[place].hash
        }
        // Every line decoded, in order: `all[i]` is line i + 1's entry.
        let window = PowerCutWindow(journal: contents.window)
        guard let head = Self.head(from: contents.head) else {
            if lines.isEmpty { return Verification(entries: 0, problem: nil) }
            if let window, window.accounts(for: all, head: nil) {
                return Verification(entries: lines.count, problem: nil, powerCut: PowerCut(lostEntries: nil))
            }
            return Verification(entries: lines.count, problem: "\(headPath): is missing or damaged, so the newest entry cannot be checked")
        }
        if head.entries > lines.count {
            let removed = head.entries - lines.count
            if let window, window.accounts(for: all, head: head) {
                return Verification(entries: lines.count, problem: nil, powerCut: PowerCut(lostEntries: removed))
            }
            return Verification(
                entries: lines.count,
                problem: FileLine.format(file: path, line: lines.count + 1, "\(removed) newest entr\(removed == 1 ? "y was" : "ies were") removed")
            )
        }
        if head.entries == lines.count, head.last != previous {
            return Verification(entries: lines.count, problem: FileLine.format(file: path, line: lines.count, "the newest entry was replaced"))
        }
        // A head behind the log (a crash between a line and its head, or a power cut before the
        // last flush) still anchors what it covers; the newer lines are held by the chain.
        if head.entries < lines.count, head.entries > 0, all[head.entries - 1].hash != head.last {
            return Verification(
                entries: lines.count,
                problem: FileLine.format(file: path, line: head.entries, "was replaced (it no longer matches deliveries.head)")
            )
        }
        return Verification(entries: lines.count, problem: nil)
    }
}
