import Foundation
import PayChaseDocuments
import ZIPFoundation

/// A rendered letter as a Word document (Office Open XML, .docx) a practice can change before
/// printing it on its letterhead: the same parts as the PDF, in the same order. Given the
/// practice's own letterhead `.docx`, the letter goes into it (at a paragraph reading
/// `{{letter}}`, or in place of its body) and its headers, footers and styles are kept.
public enum LetterDocx {
    public static func render(_ document: RenderedDocument, letterhead template: [UInt8]? = nil) throws(LetterDocxError) -> [UInt8] {
        let letter = LetterParts(document)
        var body = template == nil ? letter.letterhead.enumerated().map { WordXML.letterheadLine($0.element, first: $0.offset == 0) } : []
        body += letter.parts.map { WordXML.paragraph($0, minute: letter.isMinute) }
        let title = document.heading ?? document.template
        do {
            if let template { return try fill(template, with: body.joined()) }
            return try zip([
                ("[Content_Types].xml", WordXML.contentTypes),
                ("_rels/.rels", WordXML.packageRelationships),
                ("word/_rels/document.xml.rels", WordXML.documentRelationships),
                ("word/styles.xml", WordXML.styles),
                ("docProps/core.xml", WordXML.core(title: title, author: document.practice.name)),
                ("word/document.xml", WordXML.document(body: body.joined())),
            ])
        } catch let error as LetterDocxError {
            throw error
        } catch {
            throw LetterDocxError("the Word file could not be written: \(error)")
        }
    }

    /// The letterhead document with the letter's paragraphs put in its body.
    static func fill(_ template: [UInt8], with paragraphs: String) throws -> [UInt8] {
        let source: Archive
        do { source = try Archive(data: Data(template), accessMode: .read) } catch {
            throw LetterDocxError("the letterhead is not a Word (.docx) file: \(error)")
        }
        var files: [(String, String)] = []
        var binary: [(String, Data)] = []
        for entry in source where entry.type == .file {
            var data = Data()
            _ = try source.extract(entry, skipCRC32: false) { data.append($0) }
            if entry.path == "word/document.xml" {
                guard let xml = String(data: data, encoding: .utf8), let filled = WordXML.placing(paragraphs, into: xml) else {
                    throw LetterDocxError("the letterhead's word/document.xml has no body to put the letter in")
                }
                files.append((entry.path, filled))
            } else {
                binary.append((entry.path, data))
            }
        }
        guard files.contains(where: { $0.0 == "word/document.xml" }) else {
            throw LetterDocxError("the letterhead is not a Word document (it has no word/document.xml)")
        }
        return try zip(files, binary: binary)
    }

    static func zip(_ files: [(String, String)], binary: [(String, Data)] = []) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        // The content types come first, as Word expects.
        let entries = (files.map { ($0.0, Data($0.1.utf8)) } + binary).sorted {
            ($0.0 == "[Content_Types].xml" ? 0 : 1) < ($1.0 == "[Content_Types].xml" ? 0 : 1)
        }
        for (path, data) in entries {
            try archive.addEntry(
                with: path,
                type: .file,
                uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw LetterDocxError("the Word file could not be assembled") }
        return Array(data)
    }
}

/// Why a Word letter could not be made.
public struct LetterDocxError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
