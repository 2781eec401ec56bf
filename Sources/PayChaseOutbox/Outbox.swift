import Foundation

/// The Outbox folder: drafts to review, the send queue, what was sent or refused, printable letters.
public struct Outbox: Sendable {
    public let root: String
    /// Who the entries recorded through it are by (`RecordLine.by`), where not said otherwise.
    public var actor: String?

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    public var drafts: String { "\(root)/drafts" }
    public var queue: String { "\(root)/queue" }
    public var sent: String { "\(root)/sent" }
    public var failed: String { "\(root)/failed" }
    public var letters: String { "\(root)/letters" }
    public var deliveryLog: String { "\(root)/deliveries.jsonl" }
    /// `queue/.inflight`: the messages a send may hand over before its next flush.
    public var inFlightWindow: String { "\(queue)/.inflight" }

    /// `drafts/<claim_id>/<template>.<ext>`; claim ids are checked to be safe file names.
    public func draftPath(claimID: String, template: String, fileExtension: String) -> String {
        "\(drafts)/\(claimID)/\(template).\(fileExtension)"
    }

    /// Writes a draft through `batch` and returns its path (it appears when the batch commits).
    @discardableResult
    public func writeDraft(
        _ bytes: [UInt8],
        claimID: String,
        template: String,
        fileExtension: String,
        batch: AtomicBatch
    ) throws(OutboxError) -> String {
        let path = draftPath(claimID: claimID, template: template, fileExtension: fileExtension)
        try batch.add(bytes, to: path)
        return path
    }
}

extension Outbox {
    /// The printed letter (`letters/`), or else the drafted one (`drafts/`), of `template` for a
    /// claim, with its bytes: what the practice posted or signed.
    /// The newer of the two when both exist.
    public func printedLetter(claimID: String, template: String) -> (path: String, bytes: [UInt8])? {
        let paths = ["\(letters)/\(claimID)-\(template).pdf", draftPath(claimID: claimID, template: template, fileExtension: "pdf")]
        func modified(_ path: String) -> Date? { (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
        guard let newest = paths.filter({ modified($0) != nil }).max(by: { modified($0)! < modified($1)! }),
            let data = FileManager.default.contents(atPath: newest)
        else { return nil }
        return (newest, Array(data))
    }

    /// A copy of a letter that was posted or signed, named for the claim, the document and its
    /// hash (`letters/D-1-appeal-posted-1a2b3c4d5e6f.pdf`), so the record's entry keeps pointing
    /// at exactly those bytes whatever is printed later; returns its path.
    public func keepCopy(_ bytes: [UInt8], claimID: String, template: String, as label: String) throws -> String {
        let path = "\(letters)/\(claimID)-\(template)-\(label)-\(SHA256Hex.digest(bytes).prefix(12)).pdf"
        try AtomicFile.write(bytes, to: path)
        return path
    }
}
