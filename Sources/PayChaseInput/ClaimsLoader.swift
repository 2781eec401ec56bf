import Foundation
import PayChaseConcurrency
import PayChaseDomain

/// Reads a claim list (CSV from Excel, or a JSON array) and checks every claim in it.
public struct ClaimsLoader: Sendable {
    /// When given, each claim's paymaster must have a contact in it.
    public var profile: PracticeProfile?

    public init(profile: PracticeProfile?) {
        self.profile = profile
    }

    /// Every claim in the file, or every problem in it at once.
    public func load(path: String) throws(InputError) -> [Claim] {
        try read(path: path).claims
    }

    /// The claims, with what reading them noticed without refusing them.
    public func read(path: String) throws(InputError) -> (claims: [Claim], notes: [Diagnostic]) {
        let text = try TextFile.read(path, kind: .data)
        return try read(text, file: path)
    }

    public func parse(_ text: String, file: String) throws(InputError) -> [Claim] {
        try read(text, file: file).claims
    }

    /// Rows checked together on one core, in a large file.
    static let partRows = 8_192

    /// Parses text as JSON when it starts with `[`, otherwise as CSV.
    public func read(_ text: String, file: String) throws(InputError) -> (claims: [Claim], notes: [Diagnostic]) {
        var checker = ClaimRowChecker(file: file, profile: profile)
        let firstCharacter = text.first { !$0.isWhitespace }
        let rows =
            firstCharacter == "["
            ? JSONClaimReader(file: file).rows(in: text, reporting: &checker)
            : CSVTableReader<ClaimColumn>(file: file).rows(in: text, reporting: &checker)
        var claims: [Claim] = []
        claims.reserveCapacity(rows.count)
        if rows.count >= Self.partRows * 2 {
            // A large file's rows are checked in parts on all cores; the ids, which must be
            // unique in the whole file, are compared after, in file order.
            let parts = stride(from: 0, to: rows.count, by: Self.partRows).map { $0..<min($0 + Self.partRows, rows.count) }
            let profile = profile
            let checked = ParallelMap.map(parts) { range -> (ClaimRowChecker, [Claim]) in
                var part = ClaimRowChecker(file: file, profile: profile)
                part.deferredIDs = []
                let found = rows[range].compactMap { part.claim(from: $0) }
                return (part, found)
            }
            for (part, found) in checked {
                checker.take(part)
                claims += found
            }
        } else {
            for row in rows {
                if let claim = checker.claim(from: row) { claims.append(claim) }
            }
        }
        if rows.isEmpty && checker.diagnostics.isEmpty {
            checker.report(nil, nil, firstCharacter == "[" ? "has no claims in it" : "no claims after the header (line 1)")
        }
        guard checker.diagnostics.isEmpty else {
            // In file order; problems found on the same line keep the order they were found in.
            let ordered = checker.diagnostics.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            throw InputError(kind: .data, diagnostics: ordered.map(\.element))
        }
        return (claims, checker.notes)
    }
}

extension ClaimsLoader {
    /// Reads a claim list given as bytes (an upload), decoded as a file on disk is: UTF-8 with or
    /// without a BOM, else Windows-1252. `file` names it in every problem.
    public func read(bytes: [UInt8], file: String) throws(InputError) -> (claims: [Claim], notes: [Diagnostic]) {
        try read(TextFile.decode(Data(bytes)), file: file)
    }
}
