import Foundation
import PayChaseConcurrency
import PayChaseDomain
import PayChaseReports

extension Workspace {
    /// The practice in `folder`, laid out as the command line and the service both expect:
    /// `paychase.yaml`, `claims.csv`, `Outbox/`, and its own `templates/` when it has one.
    public static func inFolder(_ folder: String, builtinTemplatesPath: String) -> Workspace {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let templates = "\(base)/templates"
        return Workspace(
            configPath: "\(base)/paychase.yaml",
            claimsPath: "\(base)/claims.csv",
            templatesPath: FileManager.default.fileExists(atPath: templates) ? templates : nil,
            builtinTemplatesPath: builtinTemplatesPath,
            outboxPath: "\(base)/Outbox"
        )
    }

    /// The practices of a network folder, by folder name: each sub-folder with a `paychase.yaml`
    /// (the one reading of that layout, for the reports and the service).
    public static func practiceFolders(
        in folder: String,
        builtinTemplatesPath: String
    ) throws(PayChaseError) -> [(name: String, workspace: Workspace)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw PayChaseError(.usage, "\(folder): the practices folder does not exist or cannot be read")
        }
        let practices = names.sorted().filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(folder)/\($0)/paychase.yaml") }
        guard !practices.isEmpty else {
            throw PayChaseError(
                .usage,
                "\(folder): no practice folders in it (each practice needs its own folder with paychase.yaml, claims.csv and Outbox/)"
            )
        }
        return practices.map { ($0, inFolder("\(folder)/\($0)", builtinTemplatesPath: builtinTemplatesPath)) }
    }

    /// The workspaces of `practiceFolders(in:)`.
    public static func practices(in folder: String, builtinTemplatesPath: String) throws(PayChaseError) -> [Workspace] {
        try practiceFolders(in: folder, builtinTemplatesPath: builtinTemplatesPath).map(\.workspace)
    }

    /// `body` for each practice (a workspace, or a workspace with what goes with it), with every
    /// practice's problems reported together rather than stopping at the first; a profile
    /// problem (configuration) outranks the others.
    static func each<Practice, T>(_ practices: [Practice], _ body: (Practice) throws(PayChaseError) -> T) throws(PayChaseError) -> [T] {
        var results: [T] = []
        var failure: PayChaseError?
        for practice in practices {
            do {
                results.append(try body(practice))
            } catch {
                let kind = failure.map { $0.kind == .configuration ? $0.kind : error.kind } ?? error.kind
                failure = PayChaseError(kind, (failure?.problems ?? []) + error.problems)
            }
        }
        if let failure { throw failure }
        return results
    }

    /// The folder a practice's files are in.
    public var folder: String { URL(fileURLWithPath: configPath).deletingLastPathComponent().path }

    /// The practice's books for the reports: its claims with the payments recorded counted,
    /// and what the record shows was sent, came back and was paid.
    func ledger(profile: PracticeProfile) throws(PayChaseError) -> PracticeLedger {
        let (record, claims) = try readRecordAndClaims(profile: profile)
        var ledger = PracticeLedger(
            name: profile.practice.name,
            practice: profile.practice,
            claims: claims,
            attempts: record.attempts,
            feedback: record.feedback,
            paymasterNames: profile.paymasters.mapValues(\.name)
        )
        ledger.overdraftRate = profile.overdraftRate
        // What the ledger does not keep of the record's history (the newest email of each
        // document per claim, 10,000 small dictionaries) is freed off the report's path.
        Discard.later(record)
        return ledger
    }
}
