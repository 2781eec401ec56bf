import Foundation
import PayChaseDomain

/// Deadline events as an iCalendar file (RFC 5545): all-day events with stable UIDs, a display
/// alarm before each time limit, lines folded at 75 octets and ended with CRLF.
public enum ICalendarText {
    public static func text(_ events: [DeadlineEvent], practice: Practice, stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//PayChase//Deadlines//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escaped("PayChase: \(practice.name)"),
        ]
        let dtstamp = utc(stamp)
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escaped(event.uid(practice: practice.odsCode)),
                "DTSTAMP:\(dtstamp)",
                "DTSTART;VALUE=DATE:\(basic(event.day))",
                "DTEND;VALUE=DATE:\(basic(event.day.adding(days: 1)))",
                "SUMMARY:" + escaped(event.summary),
                "DESCRIPTION:" + escaped(event.detail),
                "TRANSP:TRANSPARENT",
            ]
            if let days = event.reminderDaysBefore {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escaped(event.summary), "TRIGGER:-P\(days)D", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261225`.
    static func basic(_ day: CalendarDate) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// `20261207T043000Z`.
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(year: 1970, month: 1, day: 1)!.adding(days: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - day.daysSince1970 * 86_400
        return basic(day) + String(format: "T%02d%02d%02dZ", inDay / 3600, inDay / 60 % 60, inDay % 60)
    }

    /// TEXT values: backslash, semicolon and comma escaped; a line break becomes `\n`; other
    /// control characters are dropped, so nothing from a claim can start a property of its own.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 sequence.
    static func folded(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}
