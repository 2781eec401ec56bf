import PayChaseDomain
import PayChaseTestSupport
import Testing

@testable import PayChaseOutbox

/// A large record's history is made in two shares of its claims at once (`OutboxSession.history`):
/// it must be exactly the fold of every entry in the order recorded.
struct ClaimHistoryFoldTests {
    @Test func aLargeRecordsHistoryIsTheFoldOfItsEntriesInOrder() throws {
        let outbox = Outbox(root: try TestPaths.temporaryDirectory().path)
        let writer = try DeliveryLog(outbox: outbox).writer()
        // 6,000 entries of every kind for 301 claims, each claim's spread through the record; one
        // claim's id spelt two ways that are the same text (Å, and A with a ring above), whose
        // last bytes differ.
        let records = (0..<6_000).map { seed in
            let id = seed * 11 % 301
            return CanonicalLineTests.record(seed, claim: id == 7 ? (seed % 2 == 0 ? "C-\u{C5}" : "C-A\u{30A}") : "C-\(id)")
        }
        _ = try writer.appendLines(records)
        let session = try OutboxSession(reading: outbox)
        #expect(session.records.count == 6_000, "more than the 4,096 entries from which the history is made in two shares")

        let shared = session.history()
        let inOrder = ClaimHistory(session.records.map { (time: $0.time, entry: $0.entry) })
        #expect(shared.feedback.count == 301)
        #expect(shared.attempts == inOrder.attempts)
        #expect(shared.feedback == inOrder.feedback)
        #expect(shared.evidenceSent == inOrder.evidenceSent)
        #expect(shared.bankLines == inOrder.bankLines)
        func sent(_ history: ClaimHistory) -> [String: [String: String]] {
            history.lastSent.mapValues { $0.mapValues { "\($0.date) \($0.messageID)" } }
        }
        #expect(sent(shared) == sent(inOrder))
        #expect(shared.attempts.values.contains { $0.count > 1 }, "claims with several emails, in order")
    }
}
