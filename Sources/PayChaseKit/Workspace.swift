import Foundation
import Logging
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

    public init(configPath: String, claimsPath: String, templatesPath: String?, builtinTemplatesPath: String, outboxPath: String) {
        self.configPath = configPath
        self.claimsPath = claimsPath
        self.templatesPath = templatesPath
        self.builtinTemplatesPath = builtinTemplatesPath
        self.outbox = Outbox(root: outboxPath)
    }

    public func loadProfile() throws(PayChaseError) -> PracticeProfile {
        do { return try ProfileLoader().load(path: configPath) } catch { throw Self.failure(error) }
    }

    public func loadClaims(profile: PracticeProfile?) throws(PayChaseError) -> [Claim] {
        do { return try ClaimsLoader(profile: profile).load(path: claimsPath) } catch { throw Self.failure(error) }
    }

    public func loadTemplates() -> TemplateLibrary {
        TemplateLibrary(builtins: builtinTemplatesPath, overrides: templatesPath)
    }

    /// `bank-rate.csv` beside the built-in templates.
    public var bankRatePath: String { "\(builtinTemplatesPath)/bank-rate.csv" }

    /// The Bank Rate history, or the problems reading it.
    public func loadBankRates() throws(PayChaseError) -> BankRateTable {
        do { return try BankRateReader.load(path: bankRatePath) } catch { throw Self.failure(error) }
    }

    /// The Bank Rate history when it can be read; documents needing it then say what is missing.
    public func bankRates() -> BankRateTable? { try? loadBankRates() }

    /// The documents the delivery log proves were sent, per claim.
    public func attempts() -> [String: [Attempt]] { DeliveryHistory.attempts(in: DeliveryLog(outbox: outbox)) }

    static func failure(_ error: InputError) -> PayChaseError {
        PayChaseError(error.kind == .configuration ? .configuration : .dataError, error.diagnostics.map(\.description))
    }
}

/// The date today in Europe/London, where the practice is.
public enum Today {
    public static func inLondon(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
