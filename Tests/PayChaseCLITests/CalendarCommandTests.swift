import Foundation
import PayChaseTestSupport
import Testing

/// Issue 20.5: every dated step ahead as an iCalendar file, read back with Python's `icalendar`.
struct CalendarCommandTests {
    /// The events of an .ics file as the icalendar package reads them: UID, start, summary,
    /// description and alarm triggers, one JSON object per event.
    static func events(_ path: String) throws -> [[String: Any]] {
        let script = """
            import json, sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for e in cal.walk('VEVENT'):
                alarms = [str(a.get('TRIGGER').to_ical(), 'ascii') for a in e.walk('VALARM')]
                out.append({'uid': str(e.get('UID')), 'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
                            'summary': str(e.get('SUMMARY')), 'description': str(e.get('DESCRIPTION')), 'alarms': alarms})
            print(json.dumps(out))
            """
        let result = try Command.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(result.status == 0, "icalendar could not read \(path): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func theDeadlinesAheadAreEventsWithStableUIDsAndReminders() throws {
        let folder = try PracticeFolder()
        #expect(try folder.paychase("print", "appeal", "--claim", "Q-2026-001", "--as-of", "2026-11-22").status == 0)
        #expect(try folder.paychase("record-posting", "appeal", "--claim", "Q-2026-001", "--on", "2026-11-23").status == 0)
        #expect(try folder.paychase("pause", "D-2026-014", "--reason", "query being answered, by phone", "--until", "2099-01-31").status == 0)
        let written = try folder.paychase("calendar", "--as-of", "2026-11-24")
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "Outbox/calendar.ics\n")
        let raw = try folder.read("Outbox/calendar.ics")
        #expect(raw.contains("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
        #expect(raw.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "lines folded at 75 octets")

        let events = try Self.events(folder.path + "/Outbox/calendar.ics")
        func event(_ uid: String) -> [String: Any]? { events.first { $0["uid"] as? String == uid } }
        // The appeal was posted on 23 November: the LMC referral may go 14 days on, and a reply is due.
        let next = try #require(event("Q-2026-001-next-step@f84001.paychase"))
        #expect(next["start"] as? String == "2026-12-07" && next["end"] as? String == "2026-12-08", "an all-day event")
        #expect((next["summary"] as? String)?.contains("request for support to the LMC") == true, "\(next)")
        #expect(event("Q-2026-001-reply-due@f84001.paychase")?["start"] as? String == "2026-12-07")
        // Time limits, each with a reminder a fortnight before.
        let dispute = try #require(event("Q-2026-001-dispute-limit@f84001.paychase"))
        #expect(dispute["start"] as? String == "2029-06-29", "three years beginning with 30 June 2026")
        #expect(dispute["alarms"] as? [String] == ["-P14D"])
        #expect(event("Q-2026-001-complaint-limit@f84001.paychase")?["start"] as? String == "2027-06-30")
        // The pause's last day; its reason keeps its comma.
        let pause = try #require(event("D-2026-014-pause-ends@f84001.paychase"))
        #expect(pause["start"] as? String == "2099-01-31")
        #expect((pause["description"] as? String)?.contains("query being answered, by phone") == true)
        #expect(events.allSatisfy { ($0["start"] as? String ?? "") >= "2026-11-24" }, "only steps ahead")

        // Made again a day later, the same events keep their UIDs: a re-import updates them.
        #expect(try folder.paychase("calendar", "--as-of", "2026-11-25", "--output", "again.ics").status == 0)
        let again = try Self.events(folder.path + "/again.ics")
        #expect(Set(again.compactMap { $0["uid"] as? String }) == Set(events.compactMap { $0["uid"] as? String }))
        #expect(Set(again.compactMap { $0["uid"] as? String }).count == again.count, "no UID twice")
    }
}
