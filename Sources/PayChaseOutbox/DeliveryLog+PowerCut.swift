import Foundation

extension DeliveryLog {
    /// What a power cut cost the record, when the in-flight window written before it accounts
    /// for all of it.
    public struct PowerCut: Sendable, Hashable {
        /// Entries the head names that never reached the disk; nil when the head itself did not.
        public var lostEntries: Int?
    }

    /// The in-flight window a send left on an earlier boot: the head the record had when it
    /// opened (durable), the messages it could hand over, and the heads its `settled` lines name,
    /// as many as reached the disk. A killed process leaves the head behind the lines, never
    /// ahead; only a power cut, losing appends made without fsync, can, and only in this window.
    struct PowerCutWindow {
        var anchor: RecordHead
        var ids: Set<String>
        var settled: [RecordHead] = []

        /// Nil unless `journal` is a window written on an earlier boot, naming the head it opened at.
        init?(journal: String?) {
            guard let journal else { return nil }
            var lines = journal.split(separator: "\n").makeIterator()
            guard let first = lines.next(),
                let header = try? JSONDecoder().decode(InFlightWindow.Header.self, from: Data(first.utf8)),
                header.bootID != InFlightWindow.currentBootID,
                let anchor = header.head.flatMap(RecordHead.init(parsing:))
            else { return nil }
            self.anchor = anchor
            ids = Set(header.ids)
            while let line = lines.next() {
                let words = line.split(separator: " ")
                if words.count == 3, words[0] == "settled", let head = RecordHead(parsing: String(words[2])) { settled.append(head) }
            }
        }

        /// Whether `records` and `head` (nil when the head was lost) are what a power cut in this
        /// window leaves: the lines still reach the head it opened at and after it hold only its
        /// messages, each once; the head names no more entries than the window could add; and
        /// each settled line that survived names the same entry as the lines and the head.
        func accounts(for records: [RecordLine], head: RecordHead?) -> Bool {
            guard records.count >= anchor.entries,
                (anchor.entries == 0 ? SHA256Hex.zero : records[anchor.entries - 1].hash) == anchor.last
            else { return false }
            // Only attempts to send the window's messages, each once.
            let added = records[anchor.entries...].map { line -> String? in
                guard case .email(let email) = line.entry else { return nil }
                return email.message.queueID
            }
            guard Set(added).count == added.count, added.allSatisfy({ $0.map(ids.contains) ?? false }) else { return false }
            for noted in settled where noted.entries >= 1 && noted.entries <= records.count {
                guard records[noted.entries - 1].hash == noted.last else { return false }
            }
            guard let head else { return true }
            guard head.entries <= anchor.entries + ids.count else { return false }
            return settled.allSatisfy { $0.entries != head.entries || $0.last == head.last }
        }
    }

    /// Sets the head back to the lines a power cut left, once the window has accounted for the
    /// rest: before recovery forgets the window, and durably.
    func restoreHead(after contents: Contents) throws(OutboxError) {
        try AtomicFile.write(Self.headBytes(RecordHead(entries: contents.lines, last: contents.last)), to: headPath)
    }
}
