internal import CPangoCairo
import PayChaseDocuments

/// Lays a letter out on A4 with Pango and writes it as PDF through Cairo. Owns every cairo and
/// pango object it makes; no raw pointer leaves this file.
final class LetterRenderer {
    private let output = PDFOutput()
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let pango: OpaquePointer
    private var layouts: [OpaquePointer] = []
    private let scale = Double(pc_pango_scale())

    init(title: String, author: String) throws(LetterError) {
        let closure = Unmanaged.passUnretained(output).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(pdfWrite, closure, PageGeometry.width, PageGeometry.height) else {
            throw LetterError("cairo could not make a PDF surface")
        }
        self.surface = surface
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "PayChase")
        cairo = cairo_create(surface)
        pango = pango_cairo_create_context(cairo)
        // One Pango unit of font size is one point of page.
        pango_cairo_context_set_resolution(pango, 72)
    }

    deinit {
        layouts.forEach { g_object_unref(UnsafeMutableRawPointer($0)) }
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Lays out text in a font across `width` points; long unbroken strings wrap too.
    func layout(_ text: String, font: String, width: Double = PageGeometry.textWidth) -> (index: Int, lines: [LineMetrics]) {
        let layout = pango_layout_new(pango)!
        layouts.append(layout)
        pango_layout_set_width(layout, Int32(width * scale))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let description = pango_font_description_from_string(font)
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_text(layout, text, -1)

        var lines: [LineMetrics] = []
        let iterator = pango_layout_get_iter(layout)
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append(LineMetrics(
                top: Double(logical.y) / scale, height: Double(logical.height) / scale,
                baseline: Double(pango_layout_iter_get_baseline(iterator) - logical.y) / scale,
                width: Double(logical.width) / scale
            ))
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        return (layouts.count - 1, lines)
    }

    /// Draws one line of a layout with its baseline at `y`.
    func draw(layout index: Int, line: Int, y: Double, x: Double = PageGeometry.left) {
        guard let placed = pango_layout_get_line_readonly(layouts[index], Int32(line)) else { return }
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout_line(cairo, placed)
    }

    func rule(y: Double) {
        cairo_set_line_width(cairo, 0.6)
        cairo_move_to(cairo, PageGeometry.left, y)
        cairo_line_to(cairo, PageGeometry.width - PageGeometry.right, y)
        cairo_stroke(cairo)
    }

    func endPage() { cairo_show_page(cairo) }

    /// Finishes the document and returns the PDF bytes.
    func finish() throws(LetterError) -> [UInt8] {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw LetterError("cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return output.bytes
    }
}

/// Where cairo's PDF stream goes.
private final class PDFOutput {
    var bytes: [UInt8] = []
}

private func pdfWrite(closure: UnsafeMutableRawPointer?, data: UnsafePointer<UInt8>?, length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<PDFOutput>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

/// A letter that could not be made into a PDF.
public struct LetterError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
