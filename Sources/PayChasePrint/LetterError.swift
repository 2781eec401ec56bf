internal import CPangoCairo
import PayChaseDocuments

/// A letter that could not be made into a PDF.
public struct LetterError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
