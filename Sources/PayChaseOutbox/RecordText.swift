import Foundation

/// The record's lines exactly as written (without their newlines), oldest first: those read
/// from the file kept where they lie in its bytes, a `String` made only when one is asked for;
/// those appended since, as written. Reading 50,000 lines made a `String` of each (a copy of the
/// whole file) that only an evidence pack ever read.
public struct RecordText: RandomAccessCollection, Sendable {
    private let bytes: Data
    private let read: [Range<Int>]
    private var appended: [String] = []

    init(bytes: Data, lines: [Range<Int>]) {
        self.bytes = bytes
        read = lines
    }

    init() { self.init(bytes: Data(), lines: []) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { read.count + appended.count }

    public subscript(index: Int) -> String {
        guard index < read.count else { return appended[index - read.count] }
        return bytes.text(read[index])
    }

    mutating func append(_ line: String) { appended.append(line) }

    mutating func append(contentsOf lines: [String]) { appended += lines }
}

extension Data {
    /// The text of the bytes at `range` (counted from the start), as a line of the record reads.
    func text(_ range: Range<Int>) -> String {
        withUnsafeBytes { raw in String(decoding: UnsafeRawBufferPointer(rebasing: raw[range]), as: UTF8.self) }
    }
}
