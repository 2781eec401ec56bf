import Foundation

/// Reads PDFs back with poppler-utils (pdfinfo, pdftotext, pdffonts): what a printer or a
/// reader would get, independent of the code that wrote them.
public enum PDFTools {
    public struct Info: Sendable {
        public var pages: Int
        public var pageSize: String
        public var title: String?
    }

    public static func info(_ path: String) throws -> Info {
        let output = try run("/usr/bin/pdfinfo", [path])
        func field(_ name: String) -> String? {
            output.split(separator: "\n").first { $0.hasPrefix("\(name):") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        return Info(pages: Int(field("Pages") ?? "") ?? 0, pageSize: field("Page size") ?? "", title: field("Title"))
    }

    /// The text of the whole document, or of one page (numbered from 1).
    public static func text(_ path: String, page: Int? = nil) throws -> String {
        var arguments: [String] = []
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return try run("/usr/bin/pdftotext", arguments + [path, "-"])
    }

    /// Each font and whether it is embedded.
    public static func fonts(_ path: String) throws -> [(name: String, embedded: Bool)] {
        try run("/usr/bin/pdffonts", [path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type... encoding emb sub uni object ID: "emb" is the fifth column from the end.
            return (String(columns[0]), columns.count >= 5 && columns[columns.count - 5] == "yes")
        }
    }

    /// Every word pdftotext finds, with its page (from 1) and its box in points from the top left.
    public static func words(_ path: String) throws -> [(page: Int, text: String, xMax: Double, yMax: Double)] {
        let html = try run("/usr/bin/pdftotext", ["-bbox", path, "-"])
        var words: [(Int, String, Double, Double)] = []
        var page = 0
        let pattern = try NSRegularExpression(pattern: #"<page |<word [^>]*xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let x = Range(match.range(at: 1), in: html), let y = Range(match.range(at: 2), in: html),
                let text = Range(match.range(at: 3), in: html)
            else {
                page += 1
                continue
            }
            words.append((page, String(html[text]), Double(html[x]) ?? 0, Double(html[y]) ?? 0))
        }
        return words
    }

    /// Every word with its whole box, in points from the page's top left.
    public static func boxes(_ path: String) throws -> [(text: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)] {
        let html = try run("/usr/bin/pdftotext", ["-bbox", path, "-"])
        let pattern = try NSRegularExpression(
            pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#
        )
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            func field(_ index: Int) -> String? { Range(match.range(at: index), in: html).map { String(html[$0]) } }
            guard let x0 = field(1).flatMap(Double.init), let y0 = field(2).flatMap(Double.init), let x1 = field(3).flatMap(Double.init),
                let y1 = field(4).flatMap(Double.init), let text = field(5)
            else { return nil }
            return (text, x0, y0, x1, y1)
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try Command.run(tool, arguments)
        guard result.status == 0 else { throw CommandFailure(result: result) }
        return result.stdout
    }
}
