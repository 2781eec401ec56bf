/// What an evidence submission must keep to: evidence files may identify patients, so they go
/// by email only to domains the practice may send patient-identifiable data to (NHSmail's
/// `nhs.net` unless the profile says otherwise), and never in an email larger than the mail
/// server takes (35 MB at Exchange Online, which NHSmail runs on).
public struct EvidenceMailRules: Sendable, Hashable {
    /// Lower-case domains; an address at the domain or any subdomain of it is allowed.
    public var patientDataDomains: [String]
    /// The largest message the mail server accepts, in bytes, as sent (attachments encoded).
    public var sizeLimit: Int

    public static let defaultDomains = ["nhs.net"]
    /// 35 MB, Exchange Online's default and NHSmail's.
    public static let defaultSizeLimit = 35 * 1_048_576

    public init(patientDataDomains: [String] = Self.defaultDomains, sizeLimit: Int = Self.defaultSizeLimit) {
        self.patientDataDomains = patientDataDomains.map { $0.lowercased() }
        self.sizeLimit = sizeLimit
    }

    /// Whether `address` is at an allowed domain or a subdomain of one.
    public func allows(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let domain = address[address.index(after: at)...].lowercased()
        return patientDataDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// `12.4 MB`, `900 KB`: sizes as a practice manager reads them (1 MB = 1,048,576 bytes).
    public static func size(_ bytes: Int) -> String {
        if bytes < 1_048_576 { return "\(max(1, (bytes + 1023) / 1024)) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
