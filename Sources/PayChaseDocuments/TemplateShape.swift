import PayChaseDomain

/// What a strict check of a template can tell apart in the data it is given, as a 128-bit
/// fingerprint: which names are there, which sections would render, what each list's items
/// look like, and whether a text is empty, plain, or holds a line break or control character
/// (which a subject refuses). Two claims whose data has the same shape give a template the same
/// problems, so `check` renders one claim per shape instead of every claim. Made without
/// building anything (two hashers over the value, independent of the order of its names), so
/// that a shape costs far less than the rendering it saves.
public struct TemplateShape: Sendable, Hashable {
    public var low: UInt64
    public var high: UInt64

    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// splitmix64's finaliser: every bit of the input moves about half the output's.
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A leaf: `tag` says empty text, plain text, unsafe text, false or true.
    @inline(__always) static func leaf(_ tag: UInt64) -> TemplateShape {
        TemplateShape(low: mix(tag), high: mix(tag &+ 0x1000))
    }

    /// A name with the shape of its value, two FNV-1a hashes of the name mixed with it.
    @inline(__always) static func named(_ key: String, _ value: TemplateShape) -> TemplateShape {
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in key.utf8 {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return TemplateShape(low: mix(low ^ mix(value.low)), high: mix(high ^ mix(value.high &+ 1)))
    }

    /// A container: `tag` 6 for a list, 7 for a group, over the sum of its parts' shapes (so
    /// that their order does not matter).
    @inline(__always) static func container(_ tag: UInt64, _ sum: TemplateShape) -> TemplateShape {
        TemplateShape(low: mix(sum.low ^ mix(tag)), high: mix(sum.high ^ mix(tag &+ 0x2000)))
    }

    /// A group's shape from the sum of its names' (`fieldSum`, with parts shaped apart added).
    public static func group(_ sum: TemplateShape) -> TemplateShape { container(7, sum) }

    @inline(__always) public mutating func add(_ part: TemplateShape) {
        low &+= part.low
        high &+= part.high
    }
}

extension TemplateValue {
    public var shape: TemplateShape { shape(excluding: []) }

    /// The shape without some of a group's names (those that depend on the recipient).
    public func shape(excluding names: Set<String>) -> TemplateShape {
        switch self {
        case .text(let text): return .leaf(text.isEmpty ? 1 : text.hasHeaderUnsafeCharacters ? 3 : 2)
        case .flag(let flag): return .leaf(flag ? 5 : 4)
        case .list(let items):
            // A section over a list is checked against each item: what counts is which shapes occur.
            var seen = Set<TemplateShape>()
            var sum = TemplateShape(low: 0, high: 0)
            for item in items {
                let shape = item.shape
                if seen.insert(shape).inserted { sum.add(shape) }
            }
            return .container(6, sum)
        case .object:
            return .group(fieldSum(excluding: names))
        }
    }

    /// A group's names with their values' shapes, summed, leaving out `names`: what
    /// `shape(excluding:)` wraps, for a caller that adds parts it has shaped already.
    public func fieldSum(excluding names: Set<String>) -> TemplateShape {
        var sum = TemplateShape(low: 0, high: 0)
        guard case .object(let fields) = self else { return sum }
        // A handful of names: compared one by one, cheaper than hashing every key.
        let skipped = Array(names)
        for (key, value) in fields where skipped.isEmpty || !skipped.contains(key) { sum.add(.named(key, value.shape)) }
        return sum
    }
}

extension DocumentContext.ProfileValues {
    /// The names `value(for:)` takes from the profile alone.
    public static let names: Set<String> = ["practice", "commissioner", "lmc", "dispute_body"]

    /// Their shapes, summed as `fieldSum` sums a group's: worked out once for a batch.
    public var shapeSum: TemplateShape {
        var sum = TemplateShape(low: 0, high: 0)
        for (key, value) in [("practice", practice), ("commissioner", commissioner), ("lmc", lmc)] { sum.add(.named(key, value.shape)) }
        if let disputeBody { sum.add(.named("dispute_body", disputeBody.shape)) }
        return sum
    }
}

extension DocumentContext {
    /// The shape of what depends on the recipient in `value(for: recipient)`.
    public static func recipientShape(_ recipient: Contact) -> TemplateShape {
        var sum = TemplateShape(low: 0, high: 0)
        for (key, value) in recipientFields(recipient) { sum.add(.named(key, value.shape)) }
        return sum
    }
}

extension DocumentTemplate {
    /// Whether the template states statutory interest, so a rate the table lacks stops it.
    public var usesInterest: Bool { parts.contains { $0.source.contains("interest") } }
}
