import PayChaseDomain
import PayChaseJobs

extension CheckJob.Result {
    /// `OK: 6 claims, £8,665.06 outstanding, 4 overdue as of 22 November 2026; 7 templates`.
    var summary: String {
        "OK: \(claims) claim\(claims == 1 ? "" : "s"), \(outstanding.formatted) outstanding, "
            + "\(overdue) overdue as of \(asOf.formatted); \(templates) templates"
    }
}
