import Foundation
import PayChaseTransport

/// One poll's answer.
public enum DevicePoll: Sendable {
    /// Nobody has signed in yet: ask again after the interval.
    case pending
    /// Ask less often: the interval has grown by five seconds.
    case slowDown(DeviceAuthorization)
    /// Signed in: the tokens to keep.
    case granted(StoredTokens)
}
