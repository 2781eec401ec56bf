import Foundation
import PayChaseTestSupport
import Testing

/// Issue 23.1 and 23.2: `paychase deadlines` on the example practice, whose services.csv says
/// when each service is claimed, and the calendar and value review that carry the same list.
struct DeadlinesCommandTests {
    @Test func listsWhatIsDueSoonestFirstThenWhatWasMissed() throws {
        let folder = try ReportCommandTests.practiceFolder()
        let result = try folder.paychase("deadlines", "--as-of", "2026-12-07")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let due = try #require(lines.firstIndex(of: "Due, soonest first:"))
        let missed = try #require(lines.firstIndex(of: "Missed:"))
        #expect(due < missed)
        // Soonest first: the council's quarter on 30 January, CQRS's on the 31st, QOF in June.
        #expect(
            lines[due + 1]
                == "  Q3 2026/27 Contraceptive implants: not yet claimed, deadline 30 January 2027 (54 days left); it usually brings £780.00 a quarter; claim through the council's public health portal"
        )
        #expect(lines[missed - 1].hasPrefix("  2026/27 QOF achievement: not yet claimed, deadline 30 June 2027 (205 days left)"))
        // The learning disability checks were claimed for 2025/26 as a year (£3,540.00, so
        // £885.00 a quarter) and not since: Q1 and Q2 are missed.
        #expect(
            lines.contains(
                "  Q2 2026/27 Learning disability health checks DES: not claimed, deadline 31 October 2026 (passed); it usually brings £885.00 a quarter"
            )
        )
        #expect(
            lines.contains("  Q1 2026/27 NHS Health Checks (claim P-2026-003): evidence not recorded as submitted, deadline 30 July 2026 (passed)")
        )
        #expect(lines.contains("4 periods not claimed by the deadline, usually bringing £4,700.00 in all."))

        let json = try JSONSerialization.jsonObject(with: Data(try folder.paychase("deadlines", "--as-of", "2026-12-07", "--json").stdout.utf8))
        let missedJSON = try #require((json as? [String: Any])?["missed"] as? [[String: Any]])
        #expect(missedJSON.count == 5 && missedJSON.filter { $0["kind"] as? String == "claim" }.count == 4)
    }

    @Test func theCalendarAndTheValueReviewCarryTheDeadlines() throws {
        let folder = try ReportCommandTests.practiceFolder()
        let calendar = try folder.paychase("calendar", "--as-of", "2026-12-07", "--output", "-")
        #expect(calendar.status == 0)
        #expect(calendar.stdout.contains("UID:minor-surgery-des-2026-10-01-claim-due@"))
        #expect(calendar.stdout.contains("SUMMARY:Q3 2026/27 Minor surgery DES: last day to claim\r\n"))
        #expect(calendar.stdout.contains("DTSTART;VALUE=DATE:20270131\r\n"))
        let value = try folder.paychase("report", "value", "--as-of", "2026-12-07", "--format", "csv", "--output", "value.csv")
        #expect(value.status == 0)
        let rows = try ReportCommandTests.csv(folder, "value.csv")
        let table = try #require(rows.firstIndex { $0 == ["Periods not claimed"] })
        #expect(rows[table + 2] == ["Period", "Service", "Deadline", "Usually"])
        #expect(rows[table + 3] == ["Q1 2026/27", "Learning disability health checks DES", "31 July 2026", "885.00"])
    }

    @Test func aScheduleThatCannotBeReadSaysWhereAndWhat() throws {
        let folder = try PracticeFolder()
        let missing = try folder.paychase("deadlines")
        #expect(missing.status != 0 && missing.stderr.contains("services.csv: is not there"))
        try folder.write(
            "services.csv",
            """
            service,category,frequency,claim_by,since
            Minor surgery DES,DES,fortnightly,end of next month,
            NHS Health Checks,PH,quarterly,soon,
            QOF achievement,QOF,,31 March,2025-13-01

            """
        )
        let result = try folder.paychase("deadlines", "--as-of", "2026-12-07")
        #expect(result.status == 65)
        #expect(result.stderr.contains("services.csv:2: frequency: 'fortnightly' is not a frequency; use monthly, quarterly, yearly or per item"))
        #expect(result.stderr.contains("services.csv:3: claim_by: 'soon' is not a deadline; write '30 days after period end'"))
        #expect(result.stderr.contains("services.csv:4: frequency: is empty; say how often the service is claimed"))
        #expect(result.stderr.contains("services.csv:4: since:"))
        #expect(result.stdout.isEmpty)
    }
}

/// Review: evidence files are the practice's own, never PayChase's files or a link out.
struct EvidenceFileRefusalTests {
    @Test func paychasesOwnFilesAndLinksOutAreNeverEvidence() throws {
        let folder = try PracticeFolder()
        try folder.write("paychase.yaml", try folder.read("paychase.yaml") + "evidence:\n  patient_data_domains: [nhs.example]\n")
        try folder.write("paychase-users.json", "{\"users\":[]}\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/passwd.pdf", withDestinationPath: "/etc/passwd")
        // An Outbox under another name (`--outbox Sent-mail`) is PayChase's all the same.
        try folder.write("Sent-mail/queue/evidence.pdf", "%PDF-1.4 a copy PayChase queued\n")
        for named in ["paychase-users.json", ".paychase-tokens.json", "Outbox/deliveries.jsonl", "passwd.pdf", "Sent-mail/queue/evidence.pdf"] {
            let claims = try folder.read("claims.csv").split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == 0 ? line + ",evidence_files" : line.isEmpty ? "" : line + (line.hasPrefix("D-2026-014,") ? ",\(named)" : ",")
            }
            try folder.write("claims-\(named.count).csv", claims.joined(separator: "\n"))
            let result = try folder.paychase(
                "draft",
                "evidence-submission",
                "--claim",
                "D-2026-014",
                "--claims",
                "claims-\(named.count).csv",
                "--as-of",
                "2026-10-03",
                "--outbox",
                named.hasPrefix("Sent-mail/") ? "Sent-mail" : "Outbox"
            )
            #expect(result.status != 0, "\(named)")
            #expect(result.stderr.contains("'\(named)' is not evidence PayChase will send"), "\(named): \(result.stderr)")
            #expect(!folder.files(under: "Outbox/drafts").contains { $0.contains("evidence-submission") })
            #expect(!folder.files(under: "Sent-mail/drafts").contains { $0.contains("evidence-submission") })
        }
    }
}
