internal import CPangoCairo
import PayChaseDocuments

/// Lays a letter out on A4 with Pango and writes it as PDF through Cairo, and paints charts on
/// its pages or on a PNG image. Owns every cairo and pango object it makes; no raw pointer
/// leaves this file.
final class LetterRenderer {
    private let output = PDFOutput()
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let pango: OpaquePointer
    private var layouts: [OpaquePointer] = []
    private let scale = Double(pc_pango_scale())
    /// PNG rather than PDF: an image surface, written out by `finish`.
    private let image: Bool
    /// Charts placed in the text, by index, with their height.
    private var figures: [ChartLayout] = []

    init(title: String, author: String, width: Double = PageGeometry.width, height: Double = PageGeometry.height) throws(LetterError) {
        let closure = Unmanaged.passUnretained(output).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(pdfWrite, closure, width, height) else {
            throw LetterError("cairo could not make a PDF surface")
        }
        self.surface = surface
        image = false
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "PayChase")
        cairo = cairo_create(surface)
        pango = pango_cairo_create_context(cairo)
        // One Pango unit of font size is one point of page.
        pango_cairo_context_set_resolution(pango, 72)
    }

    /// A white image of `width` × `height` points at `pixelsPerPoint`, written as PNG.
    init(imageWidth width: Double, height: Double, pixelsPerPoint: Double) throws(LetterError) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width * pixelsPerPoint), Int32(height * pixelsPerPoint))!
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw LetterError("cairo could not make an image of \(Int(width * pixelsPerPoint)) × \(Int(height * pixelsPerPoint)) pixels")
        }
        self.surface = surface
        image = true
        cairo = cairo_create(surface)
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, pixelsPerPoint, pixelsPerPoint)
        pango = pango_cairo_create_context(cairo)
        pango_cairo_context_set_resolution(pango, 72)
    }

    deinit {
        for layout in layouts { g_object_unref(UnsafeMutableRawPointer(layout)) }
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
            lines.append(
                LineMetrics(
                    top: Double(logical.y) / scale,
                    height: Double(logical.height) / scale,
                    baseline: Double(pango_layout_iter_get_baseline(iterator) - logical.y) / scale,
                    width: Double(logical.width) / scale
                )
            )
        } while pango_layout_iter_next_line(iterator) != 0
        pango_layout_iter_free(iterator)
        return (layouts.count - 1, lines)
    }

    /// A one-line text's width in points, in DejaVu Sans at `size` (bold or not), as a chart sets it.
    func textWidth(_ text: String, size: Double, bold: Bool) -> Double {
        let layout = pango_layout_new(pango)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let description = pango_font_description_from_string(Self.chartFont(size: size, bold: bold))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_text(layout, text, -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.width) / scale
    }

    static func chartFont(size: Double, bold: Bool) -> String { "DejaVu Sans\(bold ? " Bold" : "") \(size)" }

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

    /// Finishes the document and returns the PDF (or PNG) bytes.
    func finish() throws(LetterError) -> [UInt8] {
        let closure = Unmanaged.passUnretained(output).toOpaque()
        let written = image ? cairo_surface_write_to_png_stream(surface, pdfWrite, closure) : CAIRO_STATUS_SUCCESS
        cairo_surface_finish(surface)
        let status = written == CAIRO_STATUS_SUCCESS ? cairo_surface_status(surface) : written
        guard status == CAIRO_STATUS_SUCCESS else {
            throw LetterError("cairo could not write the \(image ? "PNG" : "PDF"): \(String(cString: cairo_status_to_string(status)))")
        }
        return output.bytes
    }

    /// Keeps a chart to paint where the paginator places it; returns its index.
    func add(figure: ChartLayout) -> Int {
        figures.append(figure)
        return figures.count - 1
    }

    func figureHeight(_ index: Int) -> Double { figures[index].height }

    /// Paints a kept chart with its top left at (`x`, `y`).
    func paint(figure index: Int, x: Double, y: Double) { paint(figures[index], x: x, y: y) }

    /// Paints a chart's shapes with its top left at (`x`, `y`).
    func paint(_ chart: ChartLayout, x: Double, y: Double) {
        cairo_save(cairo)
        cairo_translate(cairo, x, y)
        for shape in chart.shapes {
            switch shape {
            case let .box(left, top, width, height, fill):
                cairo_rectangle(cairo, left, top, width, height)
                cairo_set_source_rgb(cairo, fill.grey, fill.grey, fill.grey)
                cairo_fill(cairo)
                if !fill.hatching.isEmpty {
                    cairo_save(cairo)
                    cairo_rectangle(cairo, left, top, width, height)
                    cairo_clip(cairo)
                    cairo_set_source_rgb(cairo, 0, 0, 0)
                    cairo_set_line_width(cairo, 0.7)
                    for direction in fill.hatching {
                        // 45° lines 4 points apart, clipped to the box.
                        var offset = -height
                        while offset < width {
                            cairo_move_to(cairo, left + offset, direction > 0 ? top + height : top)
                            cairo_line_to(cairo, left + offset + height, direction > 0 ? top : top + height)
                            offset += 4 * 2.0.squareRoot()
                        }
                    }
                    cairo_stroke(cairo)
                    cairo_restore(cairo)
                }
                cairo_rectangle(cairo, left, top, width, height)
                cairo_set_source_rgb(cairo, 0, 0, 0)
                cairo_set_line_width(cairo, 0.5)
                cairo_stroke(cairo)
            case let .line(x1, y1, x2, y2, width, grey):
                cairo_set_source_rgb(cairo, grey, grey, grey)
                cairo_set_line_width(cairo, width)
                cairo_move_to(cairo, x1, y1)
                cairo_line_to(cairo, x2, y2)
                cairo_stroke(cairo)
            case let .text(text, left, baseline, size, anchor, bold):
                cairo_set_source_rgb(cairo, 0, 0, 0)
                let laid = layout(text, font: Self.chartFont(size: size, bold: bold), width: 10_000)
                let width = laid.lines.first?.width ?? 0
                let start =
                    switch anchor {
                    case .start: left
                    case .middle: left - width / 2
                    case .end: left - width
                    }
                draw(layout: laid.index, line: 0, y: baseline, x: start)
            }
        }
        cairo_restore(cairo)
        cairo_set_source_rgb(cairo, 0, 0, 0)
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
