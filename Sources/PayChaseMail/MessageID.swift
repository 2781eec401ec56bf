import Foundation
import PayChaseDomain

/// Unique Message-IDs at the sender's domain.
public enum MessageID {
    /// `pc.<time in base 36>.<128 random bits in base 36>@riverside.example`, from the sender's address.
    public static func make(domain address: String) -> String {
        let domain = EmailAddress.domain(of: address)
        let stamp = String(Int(Date().timeIntervalSince1970), radix: 36)
        var generator = SystemRandomNumberGenerator()
        let random = String(generator.next() as UInt64, radix: 36) + String(generator.next() as UInt64, radix: 36)
        return "pc.\(stamp).\(random)@\(domain)"
    }
}
