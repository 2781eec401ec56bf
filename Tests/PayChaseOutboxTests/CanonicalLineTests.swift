import Foundation
import PayChaseDomain
import Testing

@testable import PayChaseOutbox

/// The record's fast reader accepts a line only when JSONEncoder writes that record the same
/// way, byte for byte, and reads it as JSONDecoder does; everything else is left to them.
struct CanonicalLineTests {
    /// Texts a record's fields meet: plain, non-ASCII, and what JSON must escape.
    static let texts = [
        "", "a", "250 2.0.0 Ok: queued as 899B3F7E180", "received £1,000.00 on 20 November 2026", "Zoë Ní Bhriain, Łukasz",
        "smtp://mail.example:587/path", "emoji 📮 and ✓", "line\u{2028}separator", "next\u{85}line", "tab\there", "new\nline",
        "  spaced  ", "quote \" inside", "back\\slash", "nul\u{0}byte", "del\u{7F}char", "bell\u{7}", "{\"entry\":\"\"}",
    ]
    /// Those JSONEncoder writes as they are (up to the tab): every other record uses only these.
    static let plain = Array(texts.prefix(9)) + ["  spaced  "]

    /// An entry of each kind in turn, its texts drawn from `texts` (`plain` for even seeds).
    static func record(_ seed: Int, claim: String? = nil) -> RecordLine {
        let pool = seed % 2 == 0 ? plain : texts
        func text(_ offset: Int) -> String { pool[(seed * 7 + offset * 13) % pool.count] }
        let message = SentEmail(
            claimID: claim ?? "C-\(seed)",
            template: text(1),
            queueID: text(2),
            messageID: text(3),
            from: text(4),
            to: (0..<(seed % 3)).map { text(5 + $0) },
            subject: text(8)
        )
        let sha256 = SHA256Hex.digest(Array("\(seed)".utf8))
        let day = CalendarDate(year: 2026, month: 11, day: 1 + seed % 28)!
        let entry: RecordEntry
        switch seed % 6 {
        case 0:
            let outcomes = EmailAttempt.Outcome.allCases
            entry = .email(
                EmailAttempt(
                    message: message,
                    server: text(9),
                    reply: text(10),
                    outcome: outcomes[seed / 6 % outcomes.count],
                    sha256: sha256,
                    dsnRequested: seed / 6 % 2 == 1,
                    attempt: seed % 5 + 1
                )
            )
        case 1:
            entry = .sentItemsCopy(SentItemsCopy(message: message, server: text(9), folder: text(11), alreadyThere: seed % 4 == 1, sha256: sha256))
        case 2:
            entry = .letterPosted(
                LetterPosted(
                    claimID: message.claimID,
                    template: text(1),
                    from: text(4),
                    to: message.to,
                    postedOn: day,
                    method: text(11),
                    tracking: seed % 4 == 2 ? nil : text(12),
                    pdf: text(13),
                    sha256: sha256
                )
            )
        case 3:
            let reports = ReturnedMailFacts.Report.allCases
            entry = .mailReturned(
                MailReturned(
                    claimID: message.claimID,
                    template: text(1),
                    queueID: text(2),
                    to: message.to,
                    from: text(4),
                    subject: text(8),
                    server: text(9),
                    sha256: sha256,
                    file: text(13),
                    facts: ReturnedMailFacts(
                        report: reports[seed / 6 % reports.count],
                        originalMessageID: text(15),
                        matchedBy: ReturnedMailFacts.Match.allCases[seed % 5],
                        mailbox: "1:\(seed)",
                        disposition: seed % 8 == 1 ? nil : text(17),
                        status: text(18),
                        reportingAgent: seed % 2 == 0 ? text(19) : nil,
                        date: text(20)
                    )
                )
            )
        case 4:
            entry = .paymentReceived(
                PaymentReceived(
                    claimID: message.claimID,
                    amount: Money(pence: Int64(seed) * 1_000 - 7),
                    receivedOn: day,
                    reference: seed % 4 == 0 ? nil : text(21),
                    payer: text(4),
                    payee: text(5)
                )
            )
        default:
            entry = .repair(RecordRepaired(problem: text(10), damagedCopy: text(13), sha256: sha256))
        }
        return RecordLine(time: "2026-11-\(10 + seed % 18)T10:00:0\(seed % 10).123Z", entry: entry)
    }

    @Test func readsEveryPlainLineAsJSONDecoderDoesAndLeavesTheRestToIt() throws {
        var fast = 0
        var previous = SHA256Hex.zero
        for seed in 0..<2_000 {
            let (line, sealed) = DeliveryLog.seal(Self.record(seed), after: previous)
            previous = sealed.hash
            let decoded = try JSONDecoder().decode(RecordLine.self, from: Data(line.utf8))
            #expect(decoded == sealed, "every entry reads back as it was written")
            guard let read = CanonicalLine.read(line) else {
                #expect(line.contains("\\") || line.contains("\u{7F}"), "only a line with an escape (or DEL) is left to JSONDecoder: \(line)")
                continue
            }
            fast += 1
            #expect(read.record == decoded)
            #expect(read.sealed, "the line's own hash is the one seal gave it")
            #expect(DeliveryLog.seal(read.record, after: read.record.previous).line == line, "JSONEncoder writes it back the same")
        }
        #expect(fast > 500)
    }

    /// The line written without JSONEncoder is the one JSONEncoder writes, byte for byte, for
    /// every entry it takes; it takes every plain entry without a receipt or payment (a chase's).
    @Test func aPlainLineIsWrittenAsJSONEncoderWritesIt() throws {
        let encoder = JSONStyle.line.encoder()
        var written = 0
        for seed in 0..<2_000 {
            var record = Self.record(seed)
            record.previous = SHA256Hex.digest(Array("previous \(seed)".utf8))
            record.hash = seed % 3 == 0 ? "" : SHA256Hex.digest(Array("entry \(seed)".utf8))
            if seed % 4 == 1 { record.by = Self.texts[seed % Self.texts.count] }
            let expected = Array(try encoder.encode(record))
            guard let line = RecordWire(record).plainLine() else {
                let plain = seed % 2 == 0 && (seed % 4 != 1 || Self.plain.contains(record.by ?? ""))
                #expect(!plain || [3, 4].contains(seed % 6), "a plain chase or posting is written without JSONEncoder: \(seed)")
                continue
            }
            written += 1
            #expect(line == expected, "seed \(seed): \(String(decoding: line, as: UTF8.self))")
        }
        #expect(written > 300)
    }

    /// The words an entry was recorded with are part of it: a payment worded as an older or
    /// another writer put it reads and seals the same, whatever today's wording.
    @Test func anEntryKeepsTheWordsItWasRecordedWith() throws {
        let payment = PaymentReceived(
            claimID: "C-1",
            amount: Money(pence: 1_000),
            receivedOn: CalendarDate(year: 2026, month: 1, day: 2)!,
            reference: nil,
            payer: "NHS North East London ICB",
            payee: "Riverside Medical Centre",
            summary: "received £10.00 on 2026-01-02"
        )
        let (line, sealed) = DeliveryLog.seal(RecordLine(time: "2026-01-02T12:00:00.000Z", entry: .paymentReceived(payment)), after: SHA256Hex.zero)
        #expect(line.contains("\"reply\":\"received £10.00 on 2026-01-02\""))
        let read = try #require(CanonicalLine.read(line), "read by the fast reader")
        #expect(read.record == sealed && read.record.entry.summary == "received £10.00 on 2026-01-02")
        #expect(try JSONDecoder().decode(RecordLine.self, from: Data(line.utf8)) == sealed)
    }

    @Test func aLineEditedInPlaceReadsButIsNotSealed() throws {
        let (line, sealed) = DeliveryLog.seal(Self.record(6), after: SHA256Hex.zero)
        #expect(CanonicalLine.read(line)?.sealed == true)
        let edited = line.replacingOccurrences(of: "\"time\":\"2026-11-", with: "\"time\":\"2026-10-")
        #expect(edited != line)
        #expect(CanonicalLine.read(edited)?.sealed == false, "its hash no longer matches")
        let hash = line.replacingOccurrences(of: sealed.hash, with: String(sealed.hash.reversed()))
        #expect(CanonicalLine.read(hash)?.sealed == false, "its hash was changed")
    }

    @Test func aLineNotAsJSONEncoderWritesItIsLeftToTheSlowCheck() throws {
        let (line, _) = DeliveryLog.seal(Self.record(6), after: SHA256Hex.zero)
        #expect(CanonicalLine.read(line) != nil)
        let variants = [
            line.replacingOccurrences(of: ",\"claim_id\"", with: ", \"claim_id\""),  // a space
            line.replacingOccurrences(of: "\"attempt\":", with: "\"zattempt\":"),  // an unknown key
            "{\"claim_id\":\"C-6\"," + line.dropFirst(),  // a key out of order, twice
            line.replacingOccurrences(of: "\"dsn_requested\":true", with: "\"dsn_requested\":1"),
            line.replacingOccurrences(of: "\"attempt\":", with: "\"attempt\":0"),  // a leading zero
            line + " ",
            line.replacingOccurrences(of: "\"outcome\":\"", with: "\"outcome\":\"un"),  // no such outcome
        ]
        for variant in variants { #expect(CanonicalLine.read(variant) == nil, "\(variant)") }
    }

    @Test func aRecordWithEveryKindOfLineVerifiesAndAnEditIsStillNamed() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("canonical-\(UUID().uuidString)")
        let log = DeliveryLog(outbox: Outbox(root: folder.path))
        let writer = try log.writer()
        for seed in 0..<300 { try writer.append(Self.record(seed), durable: false) }
        #expect(log.verify().problem == nil)
        var lines = try String(contentsOfFile: log.path, encoding: .utf8).components(separatedBy: "\n")
        let plain = try #require(lines.indices.dropFirst(100).first { !lines[$0].isEmpty && !lines[$0].contains("\\") })
        lines[plain] = lines[plain].replacingOccurrences(of: "\"claim_id\":\"C-", with: "\"claim_id\":\"D-")
        try lines.joined(separator: "\n").write(toFile: log.path, atomically: true, encoding: .utf8)
        #expect(log.verify().problem == "\(log.path):\(plain + 1): was edited (its contents no longer match its hash)")
    }
}
