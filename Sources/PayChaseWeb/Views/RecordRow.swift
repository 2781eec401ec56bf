import PayChaseJobs

/// One record entry as the claim's timeline and the record page show it.
struct RecordRow {
    var number: Int
    var when: String
    var claimID: String
    var kind: String
    var what: String
    var document: String
    var party: String
    var detail: String
    var by: String

    init(_ line: RecordLine, number: Int) {
        let listing = RecordListing(line)
        self.number = number
        when = listing.when
        claimID = listing.claimID
        kind = listing.kind.rawValue
        what = listing.what
        document = listing.document
        party = listing.party
        detail = listing.detail
        by = listing.by
    }
}
