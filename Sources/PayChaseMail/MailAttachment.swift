import Foundation
import PayChaseDomain

/// A file sent with an email, such as the letter as a PDF.
public struct MailAttachment: Sendable, Hashable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
