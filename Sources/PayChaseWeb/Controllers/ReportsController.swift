import Foundation
import Hummingbird
import PayChaseJobs

/// The reports (`/reports`): cash flow and aged debt with its chart, and the web service value
/// review when the practice keeps a `services.csv` beside its profile — the same jobs and the
/// same tables as `paychase report`, each also downloadable as PDF, CSV or JSON.
struct ReportsController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("reports", use: page)
        pages.get("reports/:file", use: download)
        api.get("reports/cashflow") { _, _ in try await file(.cashflow, .json) }
        api.get("reports/value") { _, _ in try await file(.value, .json) }
    }

    enum Report: String, CaseIterable { case cashflow, value }

    /// The services file the value review reads: `services.csv` beside `paychase.yaml`.
    var servicesPath: String {
        URL(fileURLWithPath: practice.workspace.configPath).deletingLastPathComponent().appendingPathComponent("services.csv").path
    }

    func document(_ report: Report) async throws(WebError) -> ReportDocument {
        let workspace = practice.workspace
        let asOf = state.today
        let logger = state.logger
        let services = servicesPath
        return try await state.read { () throws(PayChaseError) in
            switch report {
            case .cashflow: try CashflowReportJob(workspaces: [workspace], asOf: asOf).run(logger: logger).document
            case .value: try ValueReportJob(practices: [(workspace, services)], asOf: asOf).run(logger: logger).document
            }
        }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let name = await state.practiceName(practice)
        let cashflow = try await document(.cashflow)
        var value: ReportsPage.Part?
        var valueProblem: String?
        let hasServices = FileManager.default.fileExists(atPath: servicesPath)
        if hasServices {
            do { value = ReportsPage.Part(try await document(.value), report: "value", base: practice.pagePath) } catch {
                valueProblem = error.lines.joined(separator: " ")
            }
        }
        let model = ReportsPage(
            cashflow: ReportsPage.Part(cashflow, report: "cashflow", base: practice.pagePath),
            value: value,
            valueProblem: valueProblem,
            noServices: !hasServices
        )
        return state.pages.response("reports", model, layout: state.layout(name, practice: practice, current: "reports", context: context))
    }

    /// `cashflow.pdf`, `value.csv`, …
    @Sendable func download(_ request: Request, context: WebContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        let parts = file.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let report = Report(rawValue: parts[0]), let format = ReportFormat(rawValue: parts[1]) else {
            throw WebError(.notFound, "there is no report '\(file)': the reports are cashflow and value, as .pdf, .csv or .json")
        }
        return try await self.file(report, format)
    }

    func file(_ report: Report, _ format: ReportFormat) async throws(WebError) -> Response {
        let document = try await document(report)
        let bytes: [UInt8]
        do { bytes = try format.bytes(of: document) } catch { throw WebError(error) }
        let type =
            switch format {
            case .pdf: "application/pdf"
            case .csv: "text/csv; charset=utf-8"
            case .json: "application/json; charset=utf-8"
            }
        let disposition = format == .json ? "inline" : "attachment; filename=\"\(report.rawValue)-\(state.today.description).\(format.rawValue)\""
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: disposition],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}

/// What the reports page shows: each report's tables as the PDF has them, its charts as SVG.
struct ReportsPage: Sendable {
    struct Part: Sendable {
        struct Table: Sendable {
            var id: String
            var heading: String
            var notes: [String]
            var chart: String?
            var columns: [String]
            var rows: [Row]
        }

        struct Row: Sendable { var cells: [String] }
        struct Download: Sendable {
            var label: String
            var href: String
        }

        var report: String
        var title: String
        var lead: [String]
        var tables: [Table]
        var downloads: [Download]

        init(_ document: ReportDocument, report: String, base: String) {
            self.report = report
            title = document.title
            lead = document.lead
            tables = document.tables.map { table in
                Table(
                    id: table.id,
                    heading: table.heading,
                    notes: table.notes,
                    chart: table.chartSVG,
                    columns: table.columns.map(\.title),
                    rows: table.rows.map { Row(cells: $0.map(\.printed)) }
                )
            }
            downloads = ReportFormat.allCases.map { Download(label: $0.rawValue.uppercased(), href: "\(base)/reports/\(report).\($0.rawValue)") }
        }
    }

    var cashflow: Part
    var value: Part?
    var valueProblem: String?
    var noServices: Bool
}
