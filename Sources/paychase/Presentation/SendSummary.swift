import PayChaseJobs

extension SendResult {
    /// `200 messages sent to the server: 198 accepted, 1 deferred, 1 refused`.
    var summary: String {
        var parts = ["\(accepted) accepted", "\(deferred) deferred", "\(refused) refused"]
        if uncertain > 0 { parts.append("\(uncertain) uncertain") }
        var text = "\(attempted) message\(attempted == 1 ? "" : "s") sent to the server: " + parts.joined(separator: ", ")
        if waiting > 0 { text += "; \(waiting) waiting to retry" }
        if held > 0 { text += "; \(held) held (the server may already have them)" }
        return text
    }
}

extension SendResult.SentCopies {
    /// `2 copies filed in Sent Items`, or why none could be (they are filed by the next run); nil when there was nothing to file.
    var line: String? {
        if let problem { return "copies in the sent folder not filed this time (the next send or receipts run files them): \(problem)" }
        guard filed > 0 || missing > 0 else { return nil }
        var text = "\(filed) cop\(filed == 1 ? "y" : "ies") filed in \(folder ?? "the sent folder")"
        if missing > 0 { text += "; \(missing) not filed: its copy in Outbox/sent is missing or changed" }
        return text
    }
}
