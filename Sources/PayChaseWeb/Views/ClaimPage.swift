import PayChaseDomain
import PayChaseJobs

/// The claim page's model.
struct ClaimPage {
    struct Fact {
        var label: String
        var value: String
    }

    struct Choice {
        var name: String
        var chosen: Bool
    }

    struct Preview {
        var template: String
        var to: String
        var cc: [String]
        var subject: String?
        var emailText: String?
        var letterHref: String?
        var previewWarning: String?
    }

    var claimID: String
    var owed: String
    var nextStep: String
    var warning: String?
    var facts: [Fact]
    var timeline: [RecordRow]
    var hasTimeline: Bool
    var queued: [QueuedRow]
    var hasQueued: Bool
    var preview: Preview?
    var previewProblem: String?
    var actions: String
    var csrf: String
    var sendKey: String
    var today: String
    var templates: [Choice]
    var emailTemplates: [Choice]
    var letterTemplates: [Choice]
    /// `paused until 25 December 2026: promise to pay`, while chasing is paused.
    var paused: String?
    var pauseReasons = ClaimPaused.suggestedReasons
    /// A manager or an admin: the forms that act are shown.
    var canAct = true

    init(_ view: ClaimView, pagePath: String, csrf: String, sendKey: String, today: CalendarDate) {
        let base = "\(pagePath)/claims"
        let claim = view.claim.claim
        let status = view.claim.status
        claimID = claim.id
        owed = claim.outstanding.formatted
        nextStep = status.nextStep.summary
        warning = status.nextStep.warning
        facts = ClaimFacts.lines(claim, status: status).map { Fact(label: $0.label, value: $0.value) }
        timeline = view.claim.entries.enumerated().map { RecordRow($0.element, number: $0.offset + 1) }
        hasTimeline = !timeline.isEmpty
        queued = view.claim.queued.map { QueuedRow($0, base: pagePath, csrf: csrf) }
        hasQueued = !queued.isEmpty
        preview = view.preview.map {
            Preview(
                template: $0.template,
                to: $0.to,
                cc: $0.cc,
                subject: $0.forms.contains("email") ? $0.subject : nil,
                emailText: $0.emailText,
                letterHref: ClaimView.letterPath($0, under: base),
                previewWarning: $0.warning
            )
        }
        previewProblem = view.previewProblem
        actions = "\(base)/\(claim.id)"
        self.csrf = csrf
        self.sendKey = sendKey
        self.today = today.description
        let next = status.nextStep.templates.first
        func choices(_ entries: [TemplatesJob.Entry]) -> [Choice] { entries.map { Choice(name: $0.name, chosen: $0.name == next) } }
        templates = choices(view.templates)
        emailTemplates = choices(view.templates.filter { $0.forms.contains("email") })
        letterTemplates = choices(view.templates.filter { $0.forms.contains("letter") })
        paused = status.nextStep.action == .paused ? status.nextStep.summary : nil
    }
}
