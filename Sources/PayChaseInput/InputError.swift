import PayChaseDomain

/// A file that could not be used, with every problem found in it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The claim list is wrong (exit 65).
        case data
        /// The practice profile is wrong (exit 78).
        case configuration
    }

    public var kind: Kind
    public var diagnostics: [Diagnostic]

    public init(kind: Kind, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
