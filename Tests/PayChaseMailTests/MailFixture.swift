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

    /// The corpus's mail files by name, without its LICENSE.
    static func bounceNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("bounces").path)
            .filter { $0.hasSuffix(".eml") }.sorted().map { "bounces/\($0)" }
    }
}
