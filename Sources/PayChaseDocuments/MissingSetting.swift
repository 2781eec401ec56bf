import PayChaseDomain

/// A profile setting a document needs and the profile does not give: the document is blocked
/// until it is added, but nothing else is wrong.
public struct MissingSetting: Sendable, Hashable, CustomStringConvertible {
    public var template: String
    /// The key to add to `paychase.yaml`.
    public var setting: String
    /// What to put there.
    public var hint: String

    public var description: String {
        "\(template) cannot be drafted until paychase.yaml sets \(setting): \(hint)"
    }

    /// The template variables that come straight from optional profile settings, and what to add.
    static func forVariable(_ variable: String, template: String, practice: Practice) -> MissingSetting? {
        let head = variable.split(separator: ".").prefix(2).joined(separator: ".")
        let found: (String, String)? =
            switch head {
            case "practice.late_payment_provision":
                (
                    "practice.late_payment_provision",
                    "the provision of your \(practice.contract.rawValue) contract under which a late-payment notice is given, as you would cite it (PayChase has a verified default for GMS only)"
                )
            case "practice.dispute_resolution_provision":
                (
                    "practice.dispute_resolution_provision",
                    "the provision under which disputes under your \(practice.contract.rawValue) contract go to the NHS dispute resolution procedure, as you would cite it"
                )
            case "practice.local_resolution_provision":
                (
                    "practice.local_resolution_provision",
                    "the provision of your \(practice.contract.rawValue) contract asking the parties to try to resolve a dispute locally first, as you would cite it (PayChase has a verified default for GMS only)"
                )
            case "practice.contractor":
                (
                    "practice.contractor",
                    "the contractor exactly as the contract names it, such as \"Dr A Shah, Dr B Jones and Dr C Okafor (a partnership)\""
                )
            case "practice.partner":
                ("practice.partner", "the partner who signs notices for the contractor, as { name: ..., role: ... }")
            case _ where head.hasPrefix("dispute_body"):
                (
                    "dispute_resolution",
                    "where requests for NHS dispute resolution go: NHS Resolution Primary Care Appeals' name, email and postal address, from resolution.nhs.uk"
                )
            default:
                nil
            }
        return found.map { MissingSetting(template: template, setting: $0.0, hint: $0.1) }
    }
}
