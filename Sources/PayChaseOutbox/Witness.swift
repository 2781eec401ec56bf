import PayChaseMail

/// Writes the record's head into an email as it is handed to the server, so that each email of a
/// batch witnesses the record as it stood just before that email was sent: the n-th witnesses the
/// n−1 entries before it. Only the `X-PayChase-Record` field changes; every other byte stays.
public enum Witness {
    /// `bytes` with `X-PayChase-Record` set to `head`; a message without the field is returned as it is.
    public static func stamp(_ bytes: [UInt8], _ head: RecordHead) -> [UInt8] {
        MailComposer.restamp(bytes, field: RecordHead.headerName, value: head.headerValue)
    }
}
