/// A4 in PostScript points, with the margins a posted letter wants (window envelopes included).
struct PageGeometry {
    static let width = 595.2756  // 210 mm
    static let height = 841.8898  // 297 mm
    static let left = 62.0  // 22 mm
    static let right = 56.7  // 20 mm
    static let top = 56.7
    /// Content stops here; the footer (Page N of M) sits below.
    static let bottom = height - 70.0
    static let footerBaseline = height - 40.0
    /// Where content starts on pages after the first, below the running header.
    static let continuationTop = top + 24.0
    static var textWidth: Double { width - left - right }
}

/// Fonts, as Pango font descriptions (DejaVu, from Debian's fonts-dejavu-core, covers Zoë, Ní Bhriain, Łukasz).
enum LetterFonts {
    static let body = "DejaVu Serif 10.5"
    static let bold = "DejaVu Serif Bold 11"
    static let practiceName = "DejaVu Serif Bold 16"
    static let small = "DejaVu Sans 8.5"
    static let fixed = "DejaVu Sans Mono 7.5"
    /// Tables: a compact face, bold for the titles.
    static let table = "DejaVu Sans 8"
    static let tableHead = "DejaVu Sans Bold 8"
}
