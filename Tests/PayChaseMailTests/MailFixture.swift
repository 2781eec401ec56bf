import Foundation
import PayChaseMail

/// Mail files under `Fixtures/`, found from this source file so no resources are copied.
enum MailFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func read(_ name: String) throws -> ReturnedMail {
        ReturnedMailReader.read(try bytes(name))
    }

    /// `shared/corpus/bounces`, beside the repository (CI lays shared/ beside the clone).
    static let corpus = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/bounces")

    /// The corpus's mail files by name, without its LICENSE.
    static func corpusNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".eml") }.sorted()
    }

    static func corpusBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: corpus.appendingPathComponent(name)))
    }
}
