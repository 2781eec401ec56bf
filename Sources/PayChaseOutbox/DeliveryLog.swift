import Foundation
import PayChaseConcurrency
import PayChaseDomain

#if canImport(Glibc)
import Glibc
#endif

/// `Outbox/deliveries.jsonl`: one JSON line per attempt, appended and fsynced, each line
/// carrying the hash of the one before, so that an edited, removed or reordered line shows.
/// `deliveries.head` remembers the last entry, so the newest line is covered too.
public struct DeliveryLog: Sendable {
    public let path: String
    public let headPath: String
    /// The send queue's in-flight window: it accounts for entries a power cut may have taken.
    let windowPath: String

    public init(outbox: Outbox) {
        path = outbox.deliveryLog
        headPath = path.replacingOccurrences(of: ".jsonl", with: ".head")
        windowPath = outbox.inFlightWindow
    }

    static let encoder = JSONStyle.line.encoder()

    /// The canonical line for a record, and the hash that seals it: SHA-256 of the line with
    /// `"entry":""`, then the same line with the hash in that place (one JSON encoding, not two).
    static func seal(_ record: RecordLine, after previous: String) -> (line: String, record: RecordLine) {
        var sealed = record
        sealed.previous = previous
        sealed.hash = ""
        // Written without JSONEncoder where the plain form is what it would write (RecordWire+Line).
        var bytes = RecordWire(sealed).plainLine() ?? Array(try! encoder.encode(sealed))
        sealed.hash = SHA256Hex.digest(bytes)
        // The key as the encoder writes it; a string value holding the same text has its quotes escaped.
        if let at = bytes.firstRange(of: Self.emptyEntry) {
            bytes.replaceSubrange(at, with: Array("\"entry\":\"\(sealed.hash)\"".utf8))
        }
        return (String(decoding: bytes, as: UTF8.self), sealed)
    }

    private static let emptyEntry = Array("\"entry\":\"\"".utf8)

    /// What one read of the file found.
    public struct Contents: Sendable {
        /// Every entry that decodes, oldest first (`verify` reports a line that does not).
        public var records: [RecordLine] = []
        /// Each of `records` exactly as its line is written (without the newline), so its hash checks.
        public var recordLines = RecordText()
        /// Complete lines, decodable or not.
        public var lines = 0
        /// The last complete line's hash: what the next entry chains to.
        public var last = SHA256Hex.zero
        /// Bytes up to the end of the last complete line.
        public var completeLength = 0
        /// A last line with no newline: a write cut off, by a crash or by an edit.
        public var torn = false
        /// The whole file as read.
        public var text: String { String(decoding: bytes, as: UTF8.self) }
        /// The file's bytes as read.
        public var bytes = Data()
        /// The file is there but could not be read.
        public var unreadable = false
        /// `deliveries.head` as it was just before the lines were read; nil when there is none.
        public var head: [UInt8]?
        /// The in-flight window's journal, read with the lines.
        var window: String?
        /// Where every complete line is in `bytes` (without its newline; empty lines too).
        var completeLines: [Range<Int>] = []
        /// Per complete line, its place in `records` when it decodes, and, when it is in the
        /// plain canonical form (`CanonicalLine`), whether its own hash checked out.
        var decoded: [(record: Int?, sealed: Bool?)] = []

        /// A complete line as written.
        func line(_ index: Int) -> String { bytes.text(completeLines[index]) }
    }

    /// Reads the whole file once. The head is read first: an append writes its line before its
    /// head, so a send appending meanwhile can put the head behind the lines read, never ahead.
    public func read() -> Contents {
        var contents = Contents()
        contents.head = FileManager.default.contents(atPath: headPath).map { Array($0) }
        contents.window = try? String(contentsOfFile: windowPath, encoding: .utf8)
        guard let data = FileManager.default.contents(atPath: path) else {
            contents.unreadable = FileManager.default.fileExists(atPath: path)
            return contents
        }
        guard !data.isEmpty else { return contents }
        contents.bytes = data
        // Split on the newline byte, not on Characters: no grapheme breaking over the whole
        // record. The last piece (after the final newline) is empty, or a line cut off.
        var pieces = Self.lineRanges(of: data)
        contents.torn = !pieces.removeLast().isEmpty
        let lines = pieces
        // Each line is decoded where it lies, on every core, a run of lines at a time in file
        // order (each run reusing what its line before read); a line in the plain canonical
        // form has its own hash checked in the same pass, and is never made a String.
        let runs = stride(from: 0, to: lines.count, by: Self.linesPerRun).map { $0..<min($0 + Self.linesPerRun, lines.count) }
        var read = data.withUnsafeBytes { raw in
            nonisolated(unsafe) let bytes = raw.bindMemory(to: UInt8.self)
            return ParallelMap.map(runs) { run -> [DecodedLine] in
                var repeats = CanonicalLine.Repeats()
                return run.map { index in
                    let line = UnsafeBufferPointer(rebasing: bytes[lines[index]])
                    guard UTF8Check.isValid(line) else {
                        // Not UTF-8 (never a line `seal` wrote): read as it always was, as the text
                        // it reads as (each bad byte U+FFFD), its hash checked on that text.
                        let text = String(decoding: line, as: UTF8.self)
                        if let fast = CanonicalLine.read(text) { return DecodedLine(record: fast.record, sealed: fast.sealed) }
                        return DecodedLine(record: try? JSONDecoder().decode(RecordLine.self, from: Data(text.utf8)), sealed: nil)
                    }
                    if let fast = CanonicalLine.read(line, repeats: &repeats) { return DecodedLine(record: fast.record, sealed: fast.sealed) }
                    let record = line.isEmpty ? nil : try? JSONDecoder().decode(RecordLine.self, from: Data(line))
                    return DecodedLine(record: record, sealed: nil)
                }
            }
        }
        var kept: [Range<Int>] = []
        kept.reserveCapacity(lines.count)
        contents.records.reserveCapacity(lines.count)
        contents.decoded.reserveCapacity(lines.count)
        for (run, range) in zip(read.indices, runs) {
            for (slot, index) in zip(read[run].indices, range) {
                let line = lines[index]
                contents.completeLength = line.upperBound + 1
                if !line.isEmpty { contents.lines += 1 }
                // Moved out of `read`, not copied: a copy retains each of a record's strings once
                // more, and dropping `read` releases them again.
                guard let record = read[run][slot].record.take() else {
                    contents.decoded.append((nil, nil))
                    continue
                }
                contents.decoded.append((contents.records.count, read[run][slot].sealed))
                contents.records.append(consume record)
                kept.append(line)
            }
        }
        contents.recordLines = RecordText(bytes: data, lines: kept)
        contents.completeLines = lines
        if let index = lines.lastIndex(where: { !$0.isEmpty }), let record = contents.decoded[index].record {
            contents.last = contents.records[record].hash
        }
        return contents
    }

    /// Where each piece between newline bytes is, the last (after the final newline) too, as
    /// `split` with empty pieces kept; one pass over the bytes.
    static func lineRanges(of data: Data) -> [Range<Int>] {
        data.withUnsafeBytes { raw in
            var ranges: [Range<Int>] = []
            var start = 0
            // memchr finds each newline many bytes at a time: a byte-by-byte loop over a 28 MB
            // record was 3% of `log --verify`, on one core before the lines are shared out.
            if let base = raw.baseAddress {
                while start < raw.count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), raw.count - start) {
                    let index = base.distance(to: UnsafeRawPointer(found))
                    ranges.append(start..<index)
                    start = index + 1
                }
            }
            ranges.append(start..<raw.count)
            return ranges
        }
    }

    /// Lines decoded together on one core.
    static let linesPerRun = 512

    /// A line of the file, and what it decodes to.
    private struct DecodedLine: Sendable {
        var record: RecordLine?
        var sealed: Bool?
    }

    /// The head file naming `head`: one line of JSON.
    static func headBytes(_ head: RecordHead) -> [UInt8] {
        Array("{\"entries\":\(head.entries),\"last\":\"\(head.last)\"}\n".utf8)
    }

    /// The head a head file names; nil when it is not one.
    static func head(from bytes: [UInt8]?) -> RecordHead? {
        guard let bytes, let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let entries = object["entries"] as? Int, let last = object["last"] as? String
        else { return nil }
        return RecordHead(entries: entries, last: last)
    }

    /// Every entry, oldest first.
    public func entries() -> [RecordLine] { read().records }

    /// Opens the log for appending, reading it first. Call with the Outbox lock held.
    public func writer() throws(OutboxError) -> DeliveryLogWriter { try DeliveryLogWriter(log: self, contents: read()) }
}
