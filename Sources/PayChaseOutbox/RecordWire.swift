/// How an entry is written in `deliveries.jsonl`: one flat JSON object whose keys every kind of
/// entry shares, in the layout the first record had. Kinds that have no use for a key write the
/// value it always had for them (a payment's `queue_id` is `""`), so that every line written
/// since still reads, and seals, byte for byte the same. Only `RecordLine`'s Codable and
/// `CanonicalLine` use it; everything else sees `RecordEntry`.
struct RecordWire: Codable, Sendable, Hashable {
    var time: String
    var claimID: String
    var template: String
    var queueID: String
    var messageID: String
    var from: String
    var to: [String]
    var subject: String
    var server: String
    var reply: String
    /// `RecordEntry.Kind`'s name.
    var outcome: String
    var sha256: String
    var dsnRequested: Bool
    var attempt: Int
    var postedOn: String?
    var method: String?
    var tracking: String?
    var document: String?
    var receipt: Returned?
    var payment: Payment?
    /// Who made the entry; absent from lines written before PayChase said.
    var by: String?
    var previous: String
    var entry: String

    /// The one list of the record's keys: the Codable writes them, and `CanonicalLine` reads them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case time, template, from, to, subject, server, reply, outcome, sha256, attempt, previous, entry
        case claimID = "claim_id"
        case queueID = "queue_id"
        case messageID = "message_id"
        case dsnRequested = "dsn_requested"
        case postedOn = "posted_on"
        case method, tracking, document, receipt, payment, by

        /// Where the key is in `allCases`.
        var place: Int {
            switch self {
            case .time: 0
            case .template: 1
            case .from: 2
            case .to: 3
            case .subject: 4
            case .server: 5
            case .reply: 6
            case .outcome: 7
            case .sha256: 8
            case .attempt: 9
            case .previous: 10
            case .entry: 11
            case .claimID: 12
            case .queueID: 13
            case .messageID: 14
            case .dsnRequested: 15
            case .postedOn: 16
            case .method: 17
            case .tracking: 18
            case .document: 19
            case .receipt: 20
            case .payment: 21
            case .by: 22
            }
        }
    }

    /// `receipt`: what was read back from the mailbox.
    struct Returned: Codable, Sendable, Hashable {
        var kind: String
        var disposition: String?
        var mode: String?
        var action: String?
        var status: String?
        var diagnostic: String?
        var reportingAgent: String?
        var originalMessageID: String
        var matchedBy: String
        var messageID: String?
        var date: String?
        var mailbox: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case kind, disposition, mode, action, status, diagnostic, date, mailbox
            case reportingAgent = "reporting_agent"
            case originalMessageID = "original_message_id"
            case matchedBy = "matched_by"
            case messageID = "message_id"
        }
    }

    /// `payment`: how much and when.
    struct Payment: Codable, Sendable, Hashable {
        var pence: Int64
        var receivedOn: String
        var reference: String?
        /// The bank statement line it came from, when it was matched from one.
        var bank: Bank?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case pence, reference, bank
            case receivedOn = "received_on"
        }
    }

    /// `payment.bank`: the statement line's hash, date, description and whole credit.
    struct Bank: Codable, Sendable, Hashable {
        var sha256: String
        var date: String
        var description: String
        var pence: Int64
    }
}
