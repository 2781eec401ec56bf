import Foundation
import PayChaseTestSupport
import Testing

/// Issue 20.3: chasing a claim paused with a reason, until a day or until resumed.
struct PauseCommandTests {
    /// A day `days` from today, as the command line writes it (`2026-12-25`).
    static func day(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let date = calendar.date(byAdding: .day, value: days, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func row(_ status: CommandResult, _ claim: String) -> String {
        status.stdout.split(separator: "\n").first { $0.hasPrefix(claim) }.map(String.init) ?? ""
    }

    @Test func aPausedClaimIsShownSkippedAndResumesByItselfAtTheEnd() throws {
        let folder = try PracticeFolder()
        let until = Self.day(20)
        let paused = try folder.paychase("pause", "Q-2026-001", "--reason", "promise to pay by the 25th", "--until", until)
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout.hasPrefix("Q-2026-001: paused until "), "\(paused.stdout)")
        #expect(paused.stdout.hasSuffix(": promise to pay by the 25th\n"))
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(try folder.read("Outbox/deliveries.jsonl").utf8)) as? [String: Any])
        #expect(entry["outcome"] as? String == "paused")
        #expect(entry["subject"] as? String == "promise to pay by the 25th")
        #expect(entry["posted_on"] as? String == until)

        // While paused: status says so, --overdue skips it with a note, the others are drafted.
        let during = try folder.paychase("status", "--as-of", Self.day(1))
        #expect(Self.row(during, "Q-2026-001").contains(": promise to pay by the 25th"), "\(during.stdout)")
        #expect(Self.row(during, "Q-2026-001").contains("paused until "))
        let drafted = try folder.paychase("draft", "chase", "--overdue", "--as-of", Self.day(1))
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.stderr.contains("Q-2026-001: skipped, paused until "), "\(drafted.stderr)")
        #expect(!drafted.stdout.contains("Q-2026-001"))
        #expect(drafted.stdout.contains("D-2026-014"))
        let json = try JSONSerialization.jsonObject(with: Data(try folder.paychase("status", "--json", "--as-of", Self.day(1)).stdout.utf8))
        let claims = try #require((json as? [String: Any])?["claims"] as? [[String: Any]])
        let row = try #require(claims.first { $0["claim_id"] as? String == "Q-2026-001" })
        #expect(row["next_action"] as? String == "paused")
        #expect(row["next_date"] as? String == until)
        #expect(row["paused_for"] as? String == "promise to pay by the 25th")

        // The day after its last day, it resumes by itself, and the next step says so.
        let after = try folder.paychase("status", "--as-of", Self.day(21))
        #expect(Self.row(after, "Q-2026-001").contains("  chase (the pause (promise to pay by the 25th) ended on "), "\(after.stdout)")
        #expect(Self.row(after, "Q-2026-001").hasSuffix(": chasing resumes)"))
        // A fortnight on, the pause is history: the next step no longer mentions it.
        #expect(!Self.row(try folder.paychase("status", "--as-of", Self.day(40)), "Q-2026-001").contains("pause"))
        #expect(try folder.paychase("log", "--verify").status == 0)
    }

    @Test func resumingEndsAPauseAtOnce() throws {
        let folder = try PracticeFolder()
        #expect(try folder.paychase("pause", "D-2026-014", "--reason", "query being answered").status == 0)
        #expect(Self.row(try folder.paychase("status"), "D-2026-014").contains("paused: query being answered"))
        let resumed = try folder.paychase("resume", "D-2026-014")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == "D-2026-014: resumed by the practice\n")
        #expect(!Self.row(try folder.paychase("status"), "D-2026-014").contains("paused"))
        let again = try folder.paychase("resume", "D-2026-014")
        #expect(again.status == 64 && again.stderr.contains("claim D-2026-014 is not paused"), "\(again.stderr)")
        #expect(try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").count == 2)
    }

    @Test func aPauseNeedsAReasonOfOneLineAndAnEndNotInThePast() throws {
        let folder = try PracticeFolder()
        let none = try folder.paychase("pause", "Q-2026-001")
        #expect(none.status == 64 && none.stderr.contains("say why the claim is paused with --reason, such as 'promise to pay by a date'"))
        let twoLines = try folder.paychase("pause", "Q-2026-001", "--reason", "promise\r\nBcc: x@y")
        #expect(twoLines.status == 64 && twoLines.stderr.contains("--reason must be one line"), "\(twoLines.stderr)")
        let past = try folder.paychase("pause", "Q-2026-001", "--reason", "promise to pay", "--until", Self.day(-1))
        #expect(past.status == 64 && past.stderr.contains("is before today"), "\(past.stderr)")
        let unknown = try folder.paychase("pause", "NOPE-1", "--reason", "x")
        #expect(unknown.status == 64 && unknown.stderr.contains("claim 'NOPE-1' is not in"))
        #expect(!folder.exists("Outbox/deliveries.jsonl"), "nothing recorded")
    }
}
