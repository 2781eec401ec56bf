import Foundation
import PayChaseTestSupport
import PayChaseWeb
import Testing

/// The reports page: the same cash-flow and value reports as `paychase report`, on the page
/// with the aged-debt chart drawn as SVG, and each as a download.
struct ReportsPageTests {
    @Test func theReportsPageShowsBothReportsWithTheChartAndDownloadsThem() async throws {
        let fixture = try WebFixture()
        try FileManager.default.copyItem(
            at: TestPaths.examples.appendingPathComponent("services.csv"),
            to: fixture.folder.url.appendingPathComponent("services.csv")
        )
        try await fixture.test { browser in
            let page = try await browser.get("/reports")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"nav-reports\""))
            #expect(page.body.contains("<section id=\"cashflow\""))
            #expect(page.body.contains("<svg"), "the aged-debt chart, drawn as SVG")
            #expect(page.body.contains("£3,480.00"), "Q-2026-001's balance is in the aged debt")
            #expect(page.body.contains("<section id=\"value\""), "with services.csv the value review is there too")
            #expect(page.body.contains("href=\"/reports/cashflow.pdf\"") && page.body.contains("href=\"/reports/value.csv\""))

            let csv = try await browser.get("/reports/cashflow.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"cashflow-") == true)
            #expect(csv.text.contains("3,480.00") || csv.text.contains("3480.00"), "the same balance in the CSV")
            let pdf = try await browser.get("/reports/cashflow.pdf")
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.text.hasPrefix("%PDF-"))
            let value = try await browser.get("/reports/value.csv")
            #expect(value.status == .ok)
            #expect(value.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"value-") == true)
            #expect(value.text.contains("Minor surgery DES"), "the value review's services in its CSV")
            let json = try await browser.get("/api/reports/cashflow")
            #expect(json.headers[.contentType] == "application/json; charset=utf-8")
            #expect(try json.json()["tables"] != nil)
            let wrong = try await browser.get("/reports/cashflow.docx")
            #expect(wrong.status == .notFound)
            #expect(wrong.text.contains("there is no report 'cashflow.docx'"))
        }
    }

    @Test func withoutServicesTheValueReviewSaysWhatItNeeds() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/reports")
            #expect(page.status == .ok)
            #expect(page.text.contains("The service value review needs a services.csv beside paychase.yaml"))
        }
    }
}
