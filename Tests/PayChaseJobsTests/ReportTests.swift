import Foundation
import PayChaseDomain
import PayChaseJobs
import PayChasePrint
import PayChaseTestSupport
import Testing

/// The reports made in-process as the web service will: the example practice as of 22 November
/// 2026, with £1,000.00 recorded as paid on Q-2026-001 on 20 November.
struct ReportTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 22)!

    static func cashflow() throws -> (kit: KitFixture, report: CashflowReport) {
        let kit = try KitFixture()
        let payment = PaymentJob(
            workspace: kit.workspace,
            claimID: "Q-2026-001",
            amount: "1000",
            receivedOn: CalendarDate(year: 2026, month: 11, day: 20)!,
            reference: nil
        )
        _ = try payment.run(logger: kit.logger, clock: KitFixture.clock)
        return (kit, try CashflowReportJob(workspaces: [kit.workspace], asOf: asOf).run(logger: kit.logger))
    }

    /// A CSV cell that is an amount (`1234.56`, `-239.50`) as the PDF prints it.
    static func printed(_ cell: String) -> String? {
        guard cell.range(of: #"^-?[0-9]+\.[0-9]{2}$"#, options: .regularExpression) != nil else { return nil }
        let negative = cell.hasPrefix("-")
        let money = try! Money(parsing: negative ? String(cell.dropFirst()) : cell)
        return (negative ? "-" : "") + money.formatted
    }

    @Test func everyFigureInThePDFIsInTheCSVAndTheOtherWayRound() throws {
        let (kit, report) = try Self.cashflow()
        let document = report.document
        let pdf = kit.folder.path + "/cashflow.pdf"
        let csv = kit.folder.path + "/cashflow.csv"
        try Data(try ReportFormat.pdf.bytes(of: document)).write(to: URL(fileURLWithPath: pdf))
        let csvBytes = try ReportFormat.csv.bytes(of: document)
        try Data(csvBytes).write(to: URL(fileURLWithPath: csv))

        #expect(csvBytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, so Excel reads UTF-8")
        let text = String(decoding: csvBytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")

        let rows = try ReportFiles.csvRows(csv)
        let fromCSV = rows.flatMap { row in row.flatMap { cell in Self.printed(cell).map { [$0] } ?? ReportFiles.amounts(in: cell) } }
        let fromPDF = ReportFiles.amounts(in: try PDFTools.text(pdf))
        #expect(fromCSV.count > 60)
        #expect(fromPDF.sorted() == fromCSV.sorted(), "the same amounts, as often, in both")

        func row(_ first: String, after heading: String) -> [String]? {
            guard let start = rows.firstIndex(of: [heading]) else { return nil }
            return rows[start...].first { $0.first == first }
        }
        // Q-2026-001 is 145 days late with £2,480.00 left: 91–180. L-2026-007 (£780.00, contraceptive
        // implants) is the council's, commissioned under its public-health contract, not the ICB's.
        #expect(
            row("NHS North East London ICB (primary care payments)", after: "Outstanding by age")
                == ["NHS North East London ICB (primary care payments)", "1020.50", "1234.56", "0.00", "0.00", "2480.00", "0.00", "4735.06"]
        )
        #expect(row("November 2026", after: "Claimed and received by month") == ["November 2026", "1020.50", "1000.00"])
        // Due 30 June, paid 20 November: 143 days.
        #expect(
            row("NHS North East London ICB (primary care payments)", after: "Average days to pay")
                == ["NHS North East London ICB (primary care payments)", "1", "143.0"]
        )
        // The council's two claims accrue statutory interest from the day after day 30 of the period
        // beginning with the claim: P-2026-003 (£2,150.00 from 9 August, £70 fixed sum) and
        // L-2026-007 (£780.00 from 14 August, 101 days at 11.75%: £25.36, £40 fixed sum).
        #expect(
            row("London Borough of Tower Hamlets", after: "Statutory interest accrued")
                == ["London Borough of Tower Hamlets", "98.73", "110.00", "208.73"]
        )
        #expect(rows.contains { $0.first?.contains("the £12,540.00 it shows as paid is in no month") == true })
        #expect(
            row("Q-2026-001", after: "The oldest debts and what to do next")
                == ["Q-2026-001", "QOF achievement", "NHS North East London ICB (primary care payments)", "2026-06-30", "145", "2480.00", "chase"]
        )

        let info = try PDFTools.info(pdf)
        #expect(info.pageSize.contains("595.276 x 841.89"), "A4")
        let first = try PDFTools.text(pdf, page: 1)
        #expect(first.contains("Outstanding by age at 22 November 2026"), "the chart is on the first page")
        #expect(first.contains("£3,000") && first.contains("days past the due date"), "its £ axis and what the bars are")
    }

    @Test func theChartIsAPNGWithInkOnIt() throws {
        let (kit, report) = try Self.cashflow()
        let path = kit.folder.path + "/aged.png"
        try Data(try ChartRenderer.png(report.agedDebtChart)).write(to: URL(fileURLWithPath: path))
        let png = try ReportFiles.pngPixels(path)
        // 480 × 270 points and a 12-point margin, at 2 pixels a point.
        #expect(png.width == 1008 && png.height == 588)
        #expect(png.inked > 0.02 && png.inked < 0.5, "bars, axes and labels, on white: \(png.inked)")
    }

    @Test func theSameChartIsSVGForTheWebPage() throws {
        let (kit, report) = try Self.cashflow()
        let svg = ChartSVG.render(report.agedDebtChart)
        let path = kit.folder.path + "/aged.svg"
        try svg.write(toFile: path, atomically: true, encoding: .utf8)
        let parsed = try Command.run(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sys, xml.etree.ElementTree as t; r = t.parse(sys.argv[1]).getroot(); print(len(r.findall('{http://www.w3.org/2000/svg}rect')))",
                path,
            ]
        )
        #expect(parsed.status == 0, "well-formed XML: \(parsed.stderr)")
        #expect((Int(parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "the SVG has its bars as rects")
        #expect(svg.contains(">£3,000</text>") && svg.contains(">£0</text>"))
        #expect(svg.contains("<pattern id=\"paychase-hatched\""), "the second series is hatched, not a colour")
        #expect(svg.contains(">London Borough of Tower Hamlets</text>") && svg.contains(">91–180 days</text>"))
        let colours = try NSRegularExpression(pattern: "#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})\"")
            .matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in (1...3).map { svg[Range(match.range(at: $0), in: svg)!] } }
        #expect(!colours.isEmpty && colours.allSatisfy { Set($0).count == 1 } && !svg.contains("rgb("), "greys only")
    }

    @Test func theJSONHasTheSameTablesForScripts() throws {
        let (_, report) = try Self.cashflow()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.bytes(of: report.document))) as? [String: Any])
        let tables = try #require(json["tables"] as? [[String: Any]])
        #expect(tables.map { $0["id"] as? String } == ["aged_debt", "months", "expected", "days_to_pay", "interest", "oldest"])
        let aged = try #require(tables[0]["rows"] as? [[String: Any]])
        #expect((aged[0]["days_91_180"] as? [String: Any])?["pence"] as? Int == 248_000)
        #expect(aged.last?["paymaster"] as? String == "All paymasters")
        #expect(((tables[5]["rows"] as? [[String: Any]])?.first?["due_on"]) as? String == "2026-06-30")
    }
}
