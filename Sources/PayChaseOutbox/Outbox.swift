import Foundation

/// The Outbox folder: drafts to review, the send queue, what was sent or refused, printable letters.
public struct Outbox: Sendable {
    public let root: String

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
    public func printedLetter(claimID: String, template: String) -> (path: String, bytes: [UInt8])? {
        for path in ["\(letters)/\(claimID)-\(template).pdf", draftPath(claimID: claimID, template: template, fileExtension: "pdf")] {
            if let data = FileManager.default.contents(atPath: path) { return (path, Array(data)) }
        }
        return nil
    }
}
