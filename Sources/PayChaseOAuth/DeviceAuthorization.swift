import Foundation
import PayChaseTransport

/// A sign-in started with the device authorization grant (RFC 8628): what the person is shown
/// (the link and the code) and what PayChase polls with (the device code, kept out of sight).
public struct DeviceAuthorization: Sendable, Hashable {
    /// The code the person types on the provider's page.
    public var userCode: String
    /// The page to open.
    public var verificationURI: String
    /// The page with the code already in it, when the provider gives one.
    public var verificationURIComplete: String?
    public var expiresAt: Date
    /// Seconds to wait between two polls (grows on `slow_down`).
    public var interval: Int
    /// Never shown: it is what the tokens are asked for with.
    let deviceCode: String

    public init(userCode: String, verificationURI: String, verificationURIComplete: String?, expiresAt: Date, interval: Int, deviceCode: String) {
        self.userCode = userCode
        self.verificationURI = verificationURI
        self.verificationURIComplete = verificationURIComplete
        self.expiresAt = expiresAt
        self.interval = interval
        self.deviceCode = deviceCode
    }
}
