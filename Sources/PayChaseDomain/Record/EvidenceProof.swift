import Foundation

/// The record's proof that a claim's evidence was submitted: the evidence-submission email the
/// mail server accepted, and what came back about that very message (its delivery status, its
/// read receipt) and where its copy was filed. Shown first in the evidence pack, on the claim's
/// page, and cited by the documents after it instead of a date typed into the claims file.
public struct EvidenceProof: Sendable, Hashable, Codable {
    /// When the server accepted it.
    public var acceptedAt: Date
    public var to: [String]
    public var messageID: String
    /// The server's reply, e.g. `250 2.0.0 Ok: queued as 899B3F7E180`.
    public var reply: String
    /// SHA-256 of the bytes the server accepted.
    public var sha256: String
    public var delivered: Date?
    public var read: Date?
    /// A delivery status said it failed.
    public var failed: Date?
    /// The sent folder its copy was filed in.
    public var filedIn: String?

    public init(acceptedAt: Date, to: [String], messageID: String, reply: String, sha256: String) {
        self.acceptedAt = acceptedAt
        self.to = to
        self.messageID = messageID
        self.reply = reply
        self.sha256 = sha256
    }

    /// The day it was accepted, in London.
    public var day: CalendarDate { LondonTime.date(of: acceptedAt) }

    /// "submitted by email on 28 March 2026 09:14 to claims@nhs.net, accepted by the mail server,
    /// delivered on 28 March 2026 09:15, read on 28 March 2026 10:02": after "Evidence".
    public var sentence: String {
        var parts = ["submitted by email on \(LondonTime.dayAndTime(acceptedAt)) to \(to.joined(separator: ", ")), accepted by the mail server"]
        if let failed { parts.append("but reported undelivered on \(LondonTime.dayAndTime(failed))") }
        if let delivered { parts.append("delivered on \(LondonTime.dayAndTime(delivered))") }
        if let read { parts.append("read on \(LondonTime.dayAndTime(read))") }
        if let filedIn { parts.append("its copy filed in \(filedIn)") }
        return parts.joined(separator: ", ")
    }
}
