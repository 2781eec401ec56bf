import PayChaseDomain

/// Checks text a job's caller gives that goes into the record and its emails: one line, not too long.
enum OneLineInput {
    static let limit = PayChaseError.Input.maxLength

    static func fits(_ text: String) -> Bool { !text.hasHeaderUnsafeCharacters && text.count <= limit }

    /// A usage error naming the input: `the payment reference must be one line of at most 200 characters`.
    static func refusal(_ input: PayChaseError.Input) -> PayChaseError {
        PayChaseError(.usage, "\(input) must be one line of at most \(limit) characters", reason: .notOneLine(input))
    }
}
