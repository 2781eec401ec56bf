import Foundation
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
        for row in rows {
            if let claim = checker.claim(from: row) { claims.append(claim) }
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
