import Foundation
import PayChaseDomain

extension ReturnedMailJob.Result {
    /// `paychase receipts --json`: what was recorded, and what was read and left alone.
    public var json: String {
        struct Row: Encodable {
            var claimId: String, kind: String, summary: String, template: String, to: [String], file: String
        }
        struct View: Encodable {
            var recorded: [Row]
            var alreadyRecorded: Int, unmatched: Int, unrelated: Int, read: Int, rescanned: Bool
        }
        let view = View(
            recorded: recorded.map { Row(claimId: $0.claimID, kind: $0.kind, summary: $0.summary, template: $0.template, to: $0.to, file: $0.file) },
            alreadyRecorded: alreadyRecorded,
            unmatched: unmatched,
            unrelated: unrelated,
            read: read,
            rescanned: rescanned
        )
        let data = (try? JSONStyle.document.encoder(snakeCaseKeys: true).encode(view)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
