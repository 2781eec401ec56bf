/// A message or body part read from raw bytes: its header, its body with the
/// Content-Transfer-Encoding undone, and what the body holds when that is more structure
/// (the parts of a multipart, a returned message, returned headers).
public struct MIMEMessage: Sendable {
    public let header: MIMEHeader
    /// The body after Content-Transfer-Encoding decoding, still in its charset. Kept as a slice
    /// of the bytes read, so nested parts share one buffer.
    public let bodyBytes: ArraySlice<UInt8>
    public let content: Content
    /// What the parser passed over because of `Limits`: parts not read and nesting not followed.
    public let limitReached: Bool

    /// What a body holds.
    public indirect enum Content: Sendable {
        /// Text or anything else with no structure of its own.
        case single
        /// The parts of a multipart/*, without its preamble and epilogue.
        case multipart([MIMEMessage])
        /// A message/rfc822 or message/global part: a whole message.
        case message(MIMEMessage)
        /// A text/rfc822-headers or message/global-headers part: an original message's header only.
        case headers(MIMEHeader)
    }

    /// How far the parser follows structure, so no input can make it recurse or allocate
    /// without end. Past a limit, a part is kept as `.single`.
    public struct Limits: Sendable {
        /// Multiparts and messages inside each other.
        public var maxDepth: Int
        /// Parts and nested messages in the whole message.
        public var maxParts: Int
        /// Undo base64 or quoted-printable on parts that are neither text, nor a message, nor a
        /// multipart (a PDF, an image). A reader that never looks at them saves the work.
        public var decodesOpaqueParts: Bool

        public init(maxDepth: Int = 20, maxParts: Int = 1000, decodesOpaqueParts: Bool = true) {
            self.maxDepth = maxDepth
            self.maxParts = maxParts
            self.decodesOpaqueParts = decodesOpaqueParts
        }
    }

    init(header: MIMEHeader, bodyBytes: ArraySlice<UInt8>, content: Content, limitReached: Bool) {
        self.header = header
        self.bodyBytes = bodyBytes
        self.content = content
        self.limitReached = limitReached
    }
}

extension MIMEMessage {
    /// The Content-Type, text/plain when there is none or it cannot be read.
    public var contentType: ContentType {
        header["Content-Type"].map(ContentType.init(parsing:)) ?? .textPlain
    }

    /// The body as an array.
    public var body: [UInt8] { Array(bodyBytes) }

    /// The body as text in its charset (UTF-8, US-ASCII, ISO-8859-1, Windows-1252; anything else as lossy UTF-8).
    public var text: String { Charset.decode(bodyBytes, charset: contentType[parameter: "charset"]) }

    /// The parts of a multipart; empty for anything else.
    public var parts: [MIMEMessage] {
        if case .multipart(let parts) = content { return parts }
        return []
    }

    /// This part and every part inside it through multiparts, depth first. A returned message
    /// is listed but not entered: what it holds belongs to the original, not to this message.
    public var partTree: [MIMEMessage] {
        var all: [MIMEMessage] = []
        var stack: [MIMEMessage] = [self]
        while let part = stack.popLast() {
            all.append(part)
            stack += part.parts.reversed()
        }
        return all
    }
}
