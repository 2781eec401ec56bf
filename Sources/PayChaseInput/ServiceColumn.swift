import PayChaseDomain

/// The columns of `services.csv`, the practice's account of the work each service takes.
enum ServiceColumn: String, CSVColumn {
    case service, category
    case gpHours = "gp_hours"
    case nurseHours = "nurse_hours"
    case hcaHours = "hca_hours"
    case adminHours = "admin_hours"
    case directCosts = "direct_costs"
    case notes
    /// When and where it is claimed (optional, together).
    case frequency
    case claimBy = "claim_by"
    case evidenceBy = "evidence_by"
    case claimTo = "claim_to"
    case since
    case periodIncome = "period_income"

    static let required: [ServiceColumn] = [.service, .category]
    static let example = "service, category, gp_hours, nurse_hours, hca_hours, admin_hours, direct_costs"

    /// Matches `gp_hours`, `GP hours`, `gp-hours`.
    init?(header: String) { self.init(rawValue: Self.normalised(header)) }

    /// The hours column of each role.
    static let hours: [(ServiceColumn, StaffRole)] = [(.gpHours, .gp), (.nurseHours, .nurse), (.hcaHours, .hca), (.adminHours, .admin)]
}
