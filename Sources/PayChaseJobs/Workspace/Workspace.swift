import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput
import PayChaseOutbox

/// Where a run reads its profile, claims and templates, and where it writes.
public struct Workspace: Sendable {
    public var configPath: String
    public var claimsPath: String
    /// The practice's own templates, overriding built-ins by name.
    public var templatesPath: String?
    public var builtinTemplatesPath: String
    public var outbox: Outbox
    /// The Bank Rate to take for days after the table is checked through, for this run only.
    public var bankRateBeyondChecked: Int?
    /// A practice just set up has no claims file yet: the web pages show it empty (and offer the
    /// import) where the command line says the file is missing.
    public var noClaimsFileIsNoClaims = false
    /// The services file: each service's work and, where given, when and where it is claimed.
    /// Nil: `services.csv` beside the profile.
    public var servicesFile: String?

    /// `servicesFile`, or `services.csv` beside the profile.
    public var servicesPath: String {
        servicesFile ?? URL(fileURLWithPath: configPath).deletingLastPathComponent().appendingPathComponent("services.csv").path
    }

    public init(configPath: String, claimsPath: String, templatesPath: String?, builtinTemplatesPath: String, outboxPath: String) {
        self.configPath = configPath
        self.claimsPath = claimsPath
        self.templatesPath = templatesPath
        self.builtinTemplatesPath = builtinTemplatesPath
        self.outbox = Outbox(root: outboxPath)
    }

    /// The profile and the mail server settings beside it.
    public func loadSettings() throws(PayChaseError) -> PracticeSettings {
        do { return try ProfileLoader().loadSettings(path: configPath) } catch { throw Self.failure(error) }
    }

    public func loadProfile() throws(PayChaseError) -> PracticeProfile { try loadSettings().profile }

    public func loadClaims(profile: PracticeProfile?) throws(PayChaseError) -> [Claim] {
        if noClaimsFileIsNoClaims, !FileManager.default.fileExists(atPath: claimsPath) { return [] }
        do { return try ClaimsLoader(profile: profile).load(path: claimsPath) } catch { throw Self.failure(error) }
    }

    public func loadTemplates() -> TemplateLibrary {
        TemplateLibrary(builtins: builtinTemplatesPath, overrides: templatesPath)
    }

    /// `bank-rate.csv` beside the built-in templates.
    public var bankRatePath: String { "\(builtinTemplatesPath)/bank-rate.csv" }

    /// The Bank Rate history, or the problems reading it.
    public func loadBankRates() throws(PayChaseError) -> BankRateTable {
        do {
            var table = try BankRateReader.load(path: bankRatePath)
            table.beyondChecked = bankRateBeyondChecked
            return table
        } catch { throw Self.failure(error) }
    }

    /// The Bank Rate history when it can be read; documents needing it then say what is missing.
    public func bankRates() -> BankRateTable? { try? loadBankRates() }

    static func failure(_ error: InputError) -> PayChaseError {
        PayChaseError(error.kind == .configuration ? .configuration : .invalidData, error.diagnostics.map(Problem.init))
    }
}

extension Problem {
    /// A problem an input file has, keeping its file, line and field.
    init(_ diagnostic: Diagnostic) {
        self.init(file: diagnostic.file, line: diagnostic.line, field: diagnostic.field, diagnostic.message)
        column = diagnostic.column
    }
}

extension OutboxError {
    /// A record that does not verify is invalid data; an Outbox that could not be read or
    /// written is worth trying again once the cause is fixed.
    var failure: PayChaseError {
        if recordProblem != nil { return PayChaseError(.invalidData, description, reason: .damagedRecord) }
        return PayChaseError(.temporaryFailure, description, reason: code == EWOULDBLOCK ? .outboxBusy : nil)
    }
}

extension Workspace {

    /// The Outbox opened for reading, its record verified.
    func readRecord() throws(PayChaseError) -> OutboxSession {
        do { return try OutboxSession(reading: outbox) } catch { throw error.failure }
    }
}
