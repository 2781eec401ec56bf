extension MIMEMessage {
    /// Reads a message from its bytes, with CRLF or LF line ends. Never fails: what cannot be
    /// read as structure is kept as a body, and `limits` bound how deep and how many parts.
    public init(parsing bytes: [UInt8], limits: Limits = Limits()) {
        var budget = max(0, limits.maxParts)
        self = Self.parse(bytes[...], depth: 0, limits: limits, budget: &budget, defaultType: .textPlain, isMessage: true)
    }

    /// - Parameters:
    ///   - isMessage: a whole message rather than a body part: an mbox `From ` line before the
    ///     header is passed over, and in a returned message blank lines before it too.
    ///   - budget: parts still allowed in the whole message.
    static func parse(
        _ bytes: ArraySlice<UInt8>,
        depth: Int,
        limits: Limits,
        budget: inout Int,
        defaultType: ContentType,
        isMessage: Bool
    ) -> MIMEMessage {
        var start = bytes.startIndex
        if isMessage, depth > 0 {
            // A returned message often follows its part header after an extra blank line.
            while start < bytes.endIndex, ByteLines.isWhitespace(bytes[start]) { start += 1 }
        }
        let (header, bodyStart) = MIMEHeader.parse(bytes[start...], skippingEnvelope: isMessage)
        let type = header["Content-Type"].map(ContentType.init(parsing:)) ?? defaultType
        let raw = bytes[min(bodyStart, bytes.endIndex)...]
        let opaque = !["text", "message", "multipart"].contains(type.type)
        let body = opaque && !limits.decodesOpaqueParts ? raw : decodeTransfer(raw, encoding: header["Content-Transfer-Encoding"])

        var limitReached = false
        var content = Content.single
        if isStructured(type) {
            if depth >= limits.maxDepth || budget <= 0 {
                limitReached = true
            } else {
                content = structure(of: body, type: type, depth: depth, limits: limits, budget: &budget, limitReached: &limitReached)
            }
        }
        if !limitReached {
            limitReached = content.children.contains { $0.limitReached }
        }
        return MIMEMessage(header: header, bodyBytes: body, content: content, limitReached: limitReached)
    }

    private static func isStructured(_ type: ContentType) -> Bool {
        type.type == "multipart" || isNestedMessage(type) || isNestedHeader(type)
    }

    static func isNestedMessage(_ type: ContentType) -> Bool {
        type.type == "message" && (type.subtype == "rfc822" || type.subtype == "global")
    }

    static func isNestedHeader(_ type: ContentType) -> Bool {
        (type.type == "text" && type.subtype == "rfc822-headers") || (type.type == "message" && type.subtype == "global-headers")
    }

    private static func structure(
        of body: ArraySlice<UInt8>,
        type: ContentType,
        depth: Int,
        limits: Limits,
        budget: inout Int,
        limitReached: inout Bool
    ) -> Content {
        if isNestedHeader(type) {
            var start = body.startIndex
            while start < body.endIndex, ByteLines.isWhitespace(body[start]) { start += 1 }
            return .headers(MIMEHeader.parse(body[start...], skippingEnvelope: false).header)
        }
        if isNestedMessage(type) {
            budget -= 1
            return .message(parse(body, depth: depth + 1, limits: limits, budget: &budget, defaultType: .textPlain, isMessage: true))
        }
        guard let boundary = type[parameter: "boundary"], !boundary.isEmpty else { return .single }
        let pieces = MultipartBody.split(body, boundary: Array(boundary.utf8))
        guard !pieces.isEmpty else { return .single }
        let partDefault: ContentType = type.subtype == "digest" ? .messageRFC822 : .textPlain
        var parts: [MIMEMessage] = []
        for piece in pieces {
            guard budget > 0 else {
                limitReached = true
                break
            }
            budget -= 1
            parts.append(parse(piece, depth: depth + 1, limits: limits, budget: &budget, defaultType: partDefault, isMessage: false))
        }
        return .multipart(parts)
    }

    /// base64 and quoted-printable are undone; 7bit, 8bit, binary and anything unknown are kept as they are.
    static func decodeTransfer(_ bytes: ArraySlice<UInt8>, encoding: String?) -> ArraySlice<UInt8> {
        switch (encoding ?? "").trimmingWhitespace.lowercased() {
        case "base64": Base64.decode(bytes)[...]
        case "quoted-printable": QuotedPrintable.decode(bytes)[...]
        default: bytes
        }
    }
}

extension MIMEMessage.Content {
    var children: [MIMEMessage] {
        switch self {
        case .single, .headers: []
        case .multipart(let parts): parts
        case .message(let message): [message]
        }
    }
}
