import PayChaseDomain
import PayChaseJobs

/// `/api/claims/ID`: the claim's facts, its status row as `status --json` gives it, its record
/// entries as written, its queued messages, and the next document.
struct ClaimJSON: Encodable {
    struct Next: Encodable {
        var template: String
        var forms: [String]
        var to: String
        var cc: [String]
        var subject: String
        var emailText: String?
        var letterUrl: String?
        var warning: String?
    }

    var claim: ClaimFacts
    var status: StatusJSON.Row
    var timeline: [RecordLine]
    var queued: [QueuedMessage]
    var nextDocument: Next?
    var nextDocumentProblem: String?

    init(_ view: ClaimView, letterPath: String) {
        claim = ClaimFacts(view.claim.claim)
        status = StatusJSON.Row(view.claim.status)
        timeline = view.claim.entries
        queued = view.claim.queued
        nextDocument = view.preview.map { preview in
            Next(
                template: preview.template,
                forms: preview.forms,
                to: preview.to,
                cc: preview.cc,
                subject: preview.subject,
                emailText: preview.emailText,
                letterUrl: ClaimView.letterPath(preview, under: letterPath),
                warning: preview.warning
            )
        }
        nextDocumentProblem = view.previewProblem
    }
}
