import Foundation
import PayChaseDocuments
import PayChasePrint
import PayChaseWord

/// How a letter is written: a PDF to print as it is, or a Word document to change first.
public enum LetterFormat: String, Sendable, CaseIterable {
    case pdf
    case docx

    /// The letter in this format; a Word letter goes into `letterhead` when the practice has one.
    func bytes(of document: RenderedDocument, letterhead: [UInt8]?) throws -> [UInt8] {
        switch self {
        case .pdf:
            return try LetterPDF.render(document)
        case .docx:
            do { return try LetterDocx.render(document, letterhead: letterhead) } catch {
                throw PayChaseError(.configuration, "\(document.claimID): \(error)")
            }
        }
    }
}

extension Workspace {
    /// The practice's own letterhead for letters in `format` (`word_letterhead:` in the profile,
    /// for Word), read once per job; nil for a PDF, or when the profile names none.
    func letterhead(for format: LetterFormat?) throws(PayChaseError) -> [UInt8]? {
        guard format == .docx, let settingsPath = try loadSettings().wordLetterhead else { return nil }
        let path =
            settingsPath.hasPrefix("/")
            ? settingsPath : URL(fileURLWithPath: configPath).deletingLastPathComponent().appendingPathComponent(settingsPath).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PayChaseError(.configuration, "\(configPath): word_letterhead: \(path) does not exist or cannot be read")
        }
        return Array(data)
    }
}
