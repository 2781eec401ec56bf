import PayChaseDocuments

/// The XML parts of a .docx, written by hand: each is small, and only what a letter needs.
enum WordXML {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A paragraph of the letter: spacing before it as the PDF leaves it (in twentieths of a
    /// point), a line break for each line of a list, kept with the next where the PDF keeps it.
    static func paragraph(_ part: LetterParts.Part, minute: Bool) -> String {
        switch part {
        case .date(let date): return p([date], before: 0)
        case .address(let lines): return p(lines, before: 320, together: true)
        case .references(let text): return p([text], before: 320)
        case .salutation(let text): return p([text], before: 320, keepNext: true)
        case .heading(let text): return p([text], before: minute ? 320 : 200, bold: true, keepNext: true)
        case .paragraph(let text, _): return p(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), before: 160)
        case .signature(let signOff, let lines): return p([signOff, "", "", ""] + lines, before: 280, together: true)
        case .copies(let names): return p(["cc: " + (names.first ?? "")] + names.dropFirst().map { "      " + $0 }, before: 320)
        case .enclosures(let lines): return p(["Enc:"] + lines, before: 320)
        }
    }

    /// The practice's name, address and contact line at the top, when there is no letterhead file.
    static func letterheadLine(_ line: String, first: Bool) -> String {
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"\(first ? 40 : 0)\"/></w:pPr><w:r><w:rPr>"
            + (first ? "<w:b/><w:sz w:val=\"32\"/>" : "<w:sz w:val=\"18\"/>") + "</w:rPr>" + text(line) + "</w:r></w:p>"
    }

    static func p(_ lines: [String], before: Int, bold: Bool = false, keepNext: Bool = false, together: Bool = false) -> String {
        var xml = "<w:p><w:pPr>" + (keepNext ? "<w:keepNext/>" : "") + (together ? "<w:keepLines/>" : "")
        xml += "<w:spacing w:before=\"\(before)\" w:after=\"0\"/></w:pPr><w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "")
        xml += lines.map(text).joined(separator: "<w:br/>")
        return xml + "</w:r></w:p>"
    }

    static func text(_ text: String) -> String { "<w:t xml:space=\"preserve\">\(escaped(text))</w:t>" }

    /// XML text: `&`, `<`, `>` and quotes escaped, and characters XML 1.0 does not allow dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where scalar.value < 0x20 && scalar != "\t": continue
            case _ where (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `xml` with `paragraphs` at its `{{letter}}` paragraph, or in place of its body's content
    /// (its section properties, which hold the headers and footers, kept); nil with no body.
    static func placing(_ paragraphs: String, into xml: String) -> String? {
        if let marker = markerParagraph(in: xml) { return xml.replacingCharacters(in: marker, with: paragraphs) }
        guard let open = xml.range(of: "<w:body>")?.upperBound, let close = xml.range(of: "</w:body>")?.lowerBound, open <= close else { return nil }
        let section = xml.range(of: "<w:sectPr", options: .backwards, range: open..<close)?.lowerBound ?? close
        return xml.replacingCharacters(in: open..<section, with: paragraphs)
    }

    /// The paragraph whose text reads `{{letter}}`, even where Word split it across runs.
    static func markerParagraph(in xml: String) -> Range<String.Index>? {
        var from = xml.startIndex
        while let open = nextParagraph(in: xml, from: from), let close = xml.range(of: "</w:p>", range: open.upperBound..<xml.endIndex) {
            let paragraph = xml[open.lowerBound..<close.upperBound]
            // Its text: what is between the tags of its w:t elements.
            var text = ""
            var rest = paragraph[...]
            while let start = rest.range(of: "<w:t"), let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
                let end = rest.range(of: "</w:t>", range: rest.index(after: tagEnd)..<rest.endIndex)
            {
                let name = rest[start.upperBound..<tagEnd]
                if name.isEmpty || name.first == " " { text += rest[rest.index(after: tagEnd)..<end.lowerBound] }
                rest = rest[end.upperBound...]
            }
            if text.contains("{{letter}}") { return open.lowerBound..<close.upperBound }
            from = close.upperBound
        }
        return nil
    }

    /// The next `<w:p>` or `<w:p ...>` (not `<w:pPr>`).
    static func nextParagraph(in xml: String, from: String.Index) -> Range<String.Index>? {
        var at = from
        while let found = xml.range(of: "<w:p", range: at..<xml.endIndex) {
            if found.upperBound < xml.endIndex, xml[found.upperBound] == ">" || xml[found.upperBound] == " " { return found }
            at = found.upperBound
        }
        return nil
    }

    static func document(body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1247" w:bottom="1134" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(main)"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """

    static func core(title: String, author: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escaped(title))</dc:title><dc:creator>\(escaped(author))</dc:creator></cp:coreProperties>
        """
    }
}
