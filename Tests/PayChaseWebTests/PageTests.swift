import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PayChaseTestSupport
import PayChaseWeb
import Testing

/// Every page a practice manager opens, in-process, on the example practice.
struct PageTests {
    @Test func theDashboardShowsWhatIsOwedTheAgedDebtAndTodaysActions() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.contains("<h1>Riverside Medical Centre</h1>"))
            #expect(page.body.contains("id=\"totals\""))
            #expect(page.body.contains("NHS North East London ICB (primary care payments)"))
            #expect(page.body.contains("<figure id=\"aged-debt-chart\" class=\"chart\"><svg"), "the report's own chart, as SVG")
            #expect(page.body.contains(">£0</text>"), "the £ axis starts at £0")
            #expect(page.body.contains(">91–180 days</text>") && page.body.contains(">over 180 days</text>"), "the report's age bands")
            #expect(page.body.contains("id=\"todays-actions\""))
            #expect(page.body.contains("href=\"/claims/Q-2026-001\""))
        }
    }

    @Test func theClaimsTableSortsAndFilters() async throws {
        try await WebFixture().test { browser in
            let all = try await browser.get("/claims")
            #expect(all.status == .ok)
            #expect(all.body.contains("id=\"claim-P-2026-003\""))
            let icb = try await browser.get("/claims?paymaster=icb&sort=outstanding&order=desc")
            #expect(!icb.body.contains("id=\"claim-P-2026-003\""), "the local authority's claim is filtered out")
            let ids = icb.body.components(separatedBy: "<tr id=\"claim-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(ids.first == "Q-2026-001", "the largest amount owed comes first: \(ids)")
            #expect(icb.body.contains("id=\"sort-outstanding\" href=\"/claims?sort=outstanding&amp;order=asc&amp;paymaster=icb\""))
            let far = try await browser.get("/claims?page=9223372036854775807")
            #expect(far.status == .ok, "a page past the end shows the last one")
            #expect(far.body.contains("id=\"claim-P-2026-003\""))
            let wrong = try await browser.get("/claims?sort=colour")
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("sort: 'colour' is not one of claim, service, paymaster, outstanding, due, overdue, next"))
        }
    }

    @Test func theKeptDashboardAndClaimsTableAreMadeAgainWhenAPaymentIsRecorded() async throws {
        try await WebFixture().test { browser in
            let query = "/claims?paymaster=icb&sort=outstanding&order=desc"
            let before = try await browser.get(query)
            #expect(
                before.body.contains(
                    "<tr id=\"claim-Q-2026-001\"><td><a href=\"/claims/Q-2026-001\">Q-2026-001</a></td><td class=\"hide-small\">QOF achievement</td><td>NHS North East London ICB (primary care payments)</td><td class=\"num\">£3,480.00</td>"
                )
            )
            let dashboard = try await browser.get("/")
            let owed = dashboard.body.components(separatedBy: "<strong id=\"owed\">").dropFirst().first?.prefix { $0 != "<" }
            let claim = try await browser.get("/claims/Q-2026-001")
            _ = try await browser.post("/claims/Q-2026-001/payment", [("csrf", claim.csrf!), ("amount", "10.00")])
            let after = try await browser.get(query)
            #expect(after.body.contains("<td class=\"num\">£3,470.00</td>"), "the same query shows the payment at once")
            #expect(!after.body.contains("£3,480.00"))
            let again = try await browser.get("/")
            let owedAfter = again.body.components(separatedBy: "<strong id=\"owed\">").dropFirst().first?.prefix { $0 != "<" }
            #expect(owed != nil && owedAfter != nil && owed != owedAfter, "the dashboard's total owed moved: \(owed ?? "-") then \(owedAfter ?? "-")")
        }
    }

    @Test func aLongClaimListIsShownAPageAtATimeAndTheDashboardListsTheMostOverdue() async throws {
        let fixture = try WebFixture()
        let lines = (1...450).map { "B-\($0),Dementia DES,DES,2026/27,\(100 + $0).50,2026-06-01" }
        try fixture.folder.write("claims.csv", (["claim_id,service,category,period,amount,submitted_on"] + lines).joined(separator: "\n") + "\n")
        try await fixture.test { browser in
            let first = try await browser.get("/claims?sort=claim")
            #expect(first.body.components(separatedBy: "<tr id=\"claim-").count - 1 == 200)
            #expect(first.text.contains("Claims 1–200 of 450."))
            #expect(first.body.contains("id=\"page-next\" href=\"/claims?sort=claim&amp;order=asc&amp;page=2\""))
            #expect(!first.body.contains("id=\"page-previous\""))
            let last = try await browser.get("/claims?sort=claim&page=3")
            #expect(last.body.components(separatedBy: "<tr id=\"claim-").count - 1 == 50)
            #expect(last.body.contains("id=\"page-previous\""))
            let wrong = try await browser.get("/claims?page=zero")
            #expect(wrong.status == .badRequest)
            let dashboard = try await browser.get("/")
            #expect(dashboard.body.components(separatedBy: "href=\"/claims/B-").count - 1 == 50)
            #expect(dashboard.text.contains("And 400 more: "))
            let api = try await browser.get("/api/claims").json()
            #expect((api["claims"] as? [Any])?.count == 450, "the JSON has every claim")
        }
    }

    @Test func theClaimPageShowsFactsTimelinePreviewAndEveryAction() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/claims/Q-2026-001")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"outstanding\">£3,480.00</strong>"))
            #expect(page.body.contains("id=\"facts\""))
            #expect(page.body.contains("CQRS-88123"))
            #expect(page.body.contains("id=\"timeline\">Nothing sent"))
            #expect(page.body.contains("<pre class=\"email\" id=\"preview\">"))
            for form in ["draft", "send", "posting", "payment", "evidence"] {
                #expect(page.body.contains("<form name=\"\(form)\" method=\"post\" action=\"/claims/Q-2026-001/\(form)\">"), "\(form)")
            }
            #expect(page.csrf?.count == 64)
            #expect(page.input("key")?.count == 64, "the send form carries its own key")
        }
    }

    /// Issue 20.3: the claim page pauses chasing with a reason (offering the usual ones) and resumes it.
    @Test func theClaimPagePausesAndResumesChasing() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/claims/D-2026-014")
            #expect(page.body.contains("<form name=\"pause\" method=\"post\" action=\"/claims/D-2026-014/pause\">"))
            #expect(page.body.contains("<option value=\"waiting for CQRS approval\">"), "the usual reasons are offered")
            let refused = try await browser.post("/claims/D-2026-014/pause", [("reason", "no token")])
            #expect(refused.status == .forbidden, "no POST without its CSRF token")
            let empty = try await browser.post("/claims/D-2026-014/pause", [("csrf", page.csrf!), ("reason", "")])
            #expect(empty.status.code / 100 == 4 && empty.text.contains("Reason for pausing"), "\(empty.text)")
            let paused = try await browser.post(
                "/claims/D-2026-014/pause",
                [("csrf", page.csrf!), ("reason", "waiting for CQRS approval"), ("until", "2099-01-31")]
            )
            #expect(paused.status == .seeOther)
            let after = try await browser.get("/claims/D-2026-014")
            #expect(after.body.contains("D-2026-014: paused until 31 January 2099: waiting for CQRS approval."), "said on the page it returns to")
            #expect(after.body.contains("Chasing is paused until 31 January 2099: waiting for CQRS approval."))
            #expect(after.body.contains("<form name=\"resume\""))
            let list = try await browser.get("/claims?next=paused")
            #expect(list.body.contains("D-2026-014") && !list.body.contains("Q-2026-001"), "the claims list filters on it")
            let resumed = try await browser.post("/claims/D-2026-014/resume", [("csrf", after.csrf!)])
            #expect(resumed.status == .seeOther)
            let back = try await browser.get("/claims/D-2026-014")
            #expect(back.body.contains("D-2026-014: resumed by the practice."))
            #expect(back.body.contains("<form name=\"pause\""))
        }
    }

    /// Issue 23.5: the dashboard says in one line what late payments cost a month.
    @Test func theDashboardSaysWhatLatePaymentsCostAMonth() async throws {
        let folder = try PracticeFolder()
        try folder.write(
            "paychase.yaml",
            try folder.read("paychase.yaml").replacingOccurrences(of: "admin: 18.00 }", with: "admin: 18.00, overdraft_rate: 9.5 }")
        )
        try await WebFixture(folder: folder).test { browser in
            let page = try await browser.get("/")
            // £7,644.56 overdue on 22 November 2026 × 9.5% ÷ 12 = £60.52.
            #expect(page.text.contains("Late payments are costing you about £61 a month in overdraft interest (at 9.5% a year)."), "\(page.text)")
            let json = try await browser.get("/api/dashboard")
            let cost = try #require(try json.json()["monthly_waiting_cost"] as? [String: Any])
            #expect(cost["pence"] as? Int == 6_052)
        }
        try await WebFixture().test { browser in
            let plain = try await browser.get("/")
            #expect(!plain.body.contains("waiting-cost"), "no rate, no line")
        }
    }

    /// Issue 23.1: the dashboard shows the claims and evidence due in the next fortnight, and
    /// says what was missed; the Deadlines page lists the missed ones.
    @Test func theDashboardShowsTheNextFortnightsClaimDeadlines() async throws {
        let folder = try PracticeFolder()
        try folder.write(
            "services.csv",
            """
            service,category,frequency,claim_by,claim_to,since
            NHS Health Checks,PH,monthly,30 days after period end,the council's portal,2026-10-01
            Minor surgery DES,DES,quarterly,end of next month,CQRS,Q1 2026/27

            """
        )
        try await WebFixture(folder: folder).test { browser in
            let page = try await browser.get("/")
            // As of 22 November 2026: October's health checks are due on 30 November, in 8 days;
            // November's (30 December) are beyond the fortnight; minor surgery's Q1 went unclaimed.
            // A month usually brings a third of the quarter's claim of £2,150.00: £716.67.
            #expect(page.body.contains("<caption>Claims and evidence due in the next 14 days</caption>"))
            #expect(
                page.text.contains(
                    "October 2026 NHS Health Checks: not yet claimed, deadline 30 November 2026 (8 days left); it usually brings £716.67 a month; claim through the council's portal"
                ),
                "\(page.text)"
            )
            #expect(!page.text.contains("November 2026 NHS Health Checks"))
            #expect(page.text.contains("1 deadline already missed, 1 of them a period never claimed (usually £1,235 in all)."))
            let json = try (try await browser.get("/api/dashboard")).json()
            #expect((json["deadlines_next_fortnight"] as? [String])?.count == 1)
            #expect(
                (json["periods_missed"] as? [String])?.first?.hasPrefix("Q1 2026/27 Minor surgery DES: not claimed, deadline 31 July 2026 (passed)")
                    == true
            )
            let calendar = try await browser.get("/calendar")
            #expect(calendar.text.contains("Q1 2026/27 Minor surgery DES: not claimed, deadline 31 July 2026 (passed)"))
            #expect(calendar.text.contains("October 2026 NHS Health Checks: last day to claim"))
        }
        try await WebFixture().test { browser in
            let plain = try await browser.get("/")
            #expect(!plain.body.contains("claim-deadlines"), "no services.csv, no deadlines")
        }
    }

    /// Issue 20.4: the claim page offers the letter for Word, to change before printing.
    @Test func theLetterCanBeDownloadedForWord() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/claims/Q-2026-001?template=appeal")
            #expect(page.body.contains("<a id=\"preview-word\" href=\"/claims/Q-2026-001/letter/appeal.docx\">Download for Word</a>"))
            let word = try await browser.get("/claims/Q-2026-001/letter/appeal.docx")
            #expect(word.status == .ok)
            #expect(word.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(word.headers[.contentDisposition] == "attachment; filename=\"Q-2026-001-appeal.docx\"")
            #expect(word.bytes.starts(with: Array("PK".utf8)), "a .docx is a zip")
            #expect(try await browser.get("/claims/Q-2026-001/letter/chase.docx").status == .badRequest)
        }
    }

    @Test func theLetterOfTheNextDocumentIsAPDF() async throws {
        try await WebFixture().test { browser in
            let pdf = try await browser.get("/claims/Q-2026-001/letter/appeal")
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            let email = try await browser.get("/claims/Q-2026-001/letter/chase")
            #expect(email.status == .badRequest)
            #expect(email.text.contains("chase is an email, not a letter"))
        }
    }

    @Test func anUnknownClaimIsNotFoundWithTheCommandLinesMessage() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let page = try await browser.get("/claims/NO-SUCH")
            #expect(page.status == .notFound)
            #expect(page.text.contains("claim 'NO-SUCH' is not in \(fixture.folder.path)/claims.csv"))
            let missing = try await browser.get("/no/such/page")
            #expect(missing.status == .notFound)
        }
    }

    @Test func theImportQueueAndRecordPagesOpen() async throws {
        try await WebFixture().test { browser in
            let upload = try await browser.get("/import")
            #expect(upload.body.contains("<form name=\"import\" method=\"post\" action=\"/import\" enctype=\"multipart/form-data\""))
            let queue = try await browser.get("/queue")
            #expect(queue.body.contains("id=\"queue\">Nothing is waiting"))
            let record = try await browser.get("/record")
            #expect(record.body.contains("id=\"verify\" class=\"ok\">The record verifies: 0 entries"))
        }
    }

    @Test func aDamagedRecordIsShownAsNotVerifying() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let payment = try await browser.get("/claims/Q-2026-001")
            _ = try await browser.post("/claims/Q-2026-001/payment", [("csrf", payment.csrf!), ("amount", "10.00")])
        }
        let log = try fixture.folder.read("Outbox/deliveries.jsonl")
        try fixture.folder.write("Outbox/deliveries.jsonl", log.replacingOccurrences(of: "10.00", with: "99.00"))
        try await fixture.test { browser in
            let record = try await browser.get("/record")
            #expect(record.body.contains("The record does not verify."))
            let status = try await browser.get("/api/status")
            #expect(status.status == .unprocessableContent)
            #expect(status.text.contains("See the Record page"))
            let again = try await browser.get("/")
            #expect(again.status == .unprocessableContent, "the failure is kept while the files stay as they are")
            try fixture.folder.write("Outbox/deliveries.jsonl", log)
            let mended = try await browser.get("/api/status")
            #expect(mended.status == .ok, "and forgotten once the record changes")
        }
    }
}

/// `--practices DIR`: several practices, each under /practices/NAME, and all of them together at /.
struct SeveralPracticesTests {
    func fixture() throws -> WebFixture {
        let root = try TestPaths.temporaryDirectory()
        for name in ["riverside", "hillside"] {
            let folder = try PracticeFolder()
            try FileManager.default.moveItem(at: folder.url, to: root.appendingPathComponent(name))
        }
        var fixture = try WebFixture()
        fixture.configuration.practices = try ServedPractice.all(in: root.path, builtinTemplates: TestPaths.templates.path)
        fixture.configuration.several = true
        fixture.configuration.usersFile = root.appendingPathComponent("paychase-users.json").path
        // Files changed within a second or two of being read are read again once they have
        // settled: as the service sees them, these files settle at once, however slowly a
        // loaded machine runs the test (KeptDigestTests tries the other case).
        fixture.configuration.fileClock = { Int(Date().timeIntervalSince1970) + 10 }
        return fixture
    }

    /// A practice with no claims yet offers its own import page, under its own path.
    @Test func anEmptyPracticeOffersItsOwnImportPage() async throws {
        let fixture = try fixture()
        let hillside = try #require(fixture.configuration.practices.first { $0.slug == "hillside" })
        try FileManager.default.removeItem(atPath: hillside.workspace.claimsPath)
        try await fixture.test { browser in
            let dashboard = try await browser.get("/practices/hillside/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.contains("id=\"no-claims\""))
            #expect(dashboard.body.contains("<a href=\"/practices/hillside/import\">Import the claims file</a>"))
            #expect(try await browser.get("/practices/hillside/import").status == .ok)
        }
    }

    @Test func theCombinedDashboardListsEachPracticeAndTheirTotal() async throws {
        try await fixture().test { browser in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>All practices</h1>"))
            #expect(page.body.contains("href=\"/practices/hillside/\""))
            #expect(page.body.contains("href=\"/practices/riverside/claims/Q-2026-001\""))
            #expect(page.body.contains("id=\"owed\">£17,330.12</strong>"), "twice one practice's £8,665.06")
            for path in ["/practices/riverside/", "/practices/riverside"] {
                let dashboard = try await browser.get(path)
                #expect(dashboard.status == .ok, "\(path)")
                #expect(dashboard.body.contains("id=\"nav-practices\" href=\"/\""))
            }
            let one = try await browser.get("/practices/riverside/claims/Q-2026-001")
            #expect(one.status == .ok)
            #expect(one.body.contains("action=\"/practices/riverside/claims/Q-2026-001/payment\""))
            let all = try await browser.get("/api/practices").json()
            #expect((all["practices"] as? [[String: Any]])?.compactMap { $0["practice"] as? String } == ["hillside", "riverside"])
            #expect(((all["all"] as? [String: Any])?["outstanding"] as? [String: Any])?["text"] as? String == "17330.12")
            let first = (all["practices"] as? [[String: Any]])?.first
            #expect(((first?["figures"] as? [String: Any])?["outstanding"] as? [String: Any])?["text"] as? String == "8665.06")
            #expect(first?["dashboard"] as? String == "/api/practices/hillside/dashboard")
            let hillside = try await browser.get("/api/practices/hillside/dashboard").json()
            #expect((hillside["todays_actions"] as? [Any])?.isEmpty == false, "its actions are on its own dashboard")
            let status = try await browser.get("/api/practices/hillside/status")
            #expect(status.status == .ok)
        }
    }

    /// Issue 22.1: the combined page and JSON are kept, and a change to one practice's files
    /// makes only that practice's part again.
    @Test func theCombinedDashboardIsMadeAgainOnlyForThePracticeThatChanged() async throws {
        let fixture = try fixture()
        let lines = LogLines()
        let logger = Logger(label: "paychase.test") { _ in LogLines.Handler(lines: lines) }
        let made: @Sendable () -> [String] = { lines.all.filter { $0.hasPrefix("combined dashboard made") } }
        try await PayChaseServer.application(fixture.configuration, logger: logger).application.test(.router) { client in
            var browser = Browser(client: client)
            #expect(try await browser.get("/").body.contains("id=\"owed\">£17,330.12</strong>"))
            _ = try await browser.get("/api/practices")
            _ = try await browser.get("/")
            #expect(made().count == 2, "the page and the JSON made once each: \(made())")
            #expect(made().first?.contains("\"made again\": 2") == true, "\(made())")
            #expect(made().last?.contains("\"made again\": 0") == true, "the JSON from the kept digests: \(made())")

            let riverside = fixture.configuration.practices.first { $0.slug == "riverside" }!
            let claims = try String(contentsOfFile: riverside.workspace.claimsPath, encoding: .utf8)
            try claims.replacingOccurrences(of: "Q-2026-001,", with: "Q-2026-001-B,").write(
                toFile: riverside.workspace.claimsPath + ".new",
                atomically: false,
                encoding: .utf8
            )
            try FileManager.default.removeItem(atPath: riverside.workspace.claimsPath)
            try FileManager.default.moveItem(atPath: riverside.workspace.claimsPath + ".new", toPath: riverside.workspace.claimsPath)
            let page = try await browser.get("/")
            #expect(page.body.contains("href=\"/practices/riverside/claims/Q-2026-001-B\""))
            #expect(made().count == 3)
            #expect(made().last?.contains("\"made again\": 1") == true, "only riverside: \(made())")
            _ = try await browser.get("/api/practices")
            #expect(made().last?.contains("\"made again\": 0") == true, "\(made())")
        }
    }
}
