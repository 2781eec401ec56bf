extension ReturnedMailReader {
    /// Every Message-ID the message names as the one it is about, in `CandidateSource` order.
    /// Only header fields and report fields count; the Subject and body text never do.
    static func candidates(_ message: MIMEMessage, _ classification: Classification) -> [MatchCandidate] {
        var list = CandidateList()
        list.add(classification.notification?.originalMessageID, .originalMessageID)
        list.add(classification.report?.originalMessageID, .originalMessageID)
        if classification.kind != .humanReply {
            // A person may attach any message to a reply; only a machine returns the original.
            for part in message.partTree {
                list.add(returnedMessageID(part), .returnedHeaders)
            }
        }
        list.add(classification.report?.envelopeID, .envelopeID)
        for value in message.header.values("In-Reply-To") {
            for id in MessageIDList.ids(in: value) { list.add(id, .inReplyTo) }
        }
        for value in message.header.values("References") {
            for id in MessageIDList.ids(in: value).reversed() { list.add(id, .references) }
        }
        return list.sorted
    }

    /// The Message-ID of a returned message or returned headers. Exchange writes the returned
    /// header straight after the part's own with no blank line between, so the original's
    /// Message-ID can land in the part header, where it is otherwise never found.
    private static func returnedMessageID(_ part: MIMEMessage) -> String? {
        switch part.content {
        case .message(let returned): MessageIDList.first(in: returned.header["Message-ID"] ?? part.header["Message-ID"])
        case .headers(let returned): MessageIDList.first(in: returned["Message-ID"] ?? part.header["Message-ID"])
        case .single, .multipart: nil
        }
    }
}

/// Candidates without repeats, in source order.
private struct CandidateList {
    private var items: [MatchCandidate] = []

    mutating func add(_ id: String?, _ source: CandidateSource) {
        guard let id, !id.isEmpty else { return }
        let candidate = MatchCandidate(messageID: id, source: source)
        if !items.contains(candidate) { items.append(candidate) }
    }

    /// Stable: within a source, the order they were found.
    var sorted: [MatchCandidate] {
        CandidateSource.allCases.flatMap { source in items.filter { $0.source == source } }
    }
}
