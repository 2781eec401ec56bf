import ArgumentParser
import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs

/// Where the profile, claims, templates and Outbox are; shared by every command.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: "The practice profile.")
    var config = "paychase.yaml"

    @Option(help: "The claim list, CSV or JSON.")
    var claims = "claims.csv"

    @Option(help: "A folder of the practice's own templates; they override the built-ins by name.")
    var templates: String?

    @Option(help: "The Outbox folder for drafts, the queue and the delivery log.")
    var outbox = "Outbox"

    @Flag(name: .shortAndLong, help: "Say more about what is happening.")
    var verbose = false

    @Option(
        name: .customLong("bank-rate"),
        help: "For this run: the Bank Rate (per cent, such as 3.75) in force on any day after bank-rate.csv is checked through.",
        transform: parseBankRate
    )
    var bankRate: Int?

    func workspace() throws -> Workspace {
        guard let builtins = BuiltinTemplates.locate() else {
            PayChase.report(["cannot find the built-in templates; set PAYCHASE_TEMPLATES to the Templates folder, or use --templates"])
            throw ExitCode(ExitCodes.configuration)
        }
        var workspace = Workspace(
            configPath: config,
            claimsPath: claims,
            templatesPath: templates,
            builtinTemplatesPath: builtins,
            outboxPath: outbox
        )
        workspace.bankRateBeyondChecked = bankRate
        workspace.outbox.actor = Self.operatingSystemUser
        return workspace
    }

    /// Who the command line's entries are by: the operating-system user running it.
    static var operatingSystemUser: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
    }

    func logger() -> Logger {
        var logger = Logger(label: "paychase") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}

/// The two loudly named options that weaken TLS, for the commands that use a mail server.
struct InsecureOptions: ParsableArguments {
    @Flag(name: .customLong("insecure-skip-certificate-check"), help: "INSECURE: do not verify the server's TLS certificate.")
    var skipCertificateCheck = false

    @Flag(
        name: .customLong("insecure-allow-plaintext"),
        help: "INSECURE: go on even if the server offers no TLS, so the password (and what is sent) crosses the network readable."
    )
    var allowPlaintext = false

    var insecurity: MailServerSetup.Insecurity { .init(skipCertificateVerification: skipCertificateCheck, allowPlaintext: allowPlaintext) }

    /// Says on standard error what each option given gives away; `exposed` is what would cross
    /// the network readable without TLS.
    func warn(exposed: String) {
        if skipCertificateCheck { PayChase.report(["WARNING: --insecure-skip-certificate-check: the mail server's identity is NOT being checked."]) }
        if allowPlaintext { PayChase.report(["WARNING: --insecure-allow-plaintext: \(exposed) may cross the network unencrypted."]) }
    }
}

/// `--as-of`, defaulting to today in Europe/London.
struct DateOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Treat this date as today (2026-11-22 or 22/11/2026).", transform: parseDate)
    var asOf: CalendarDate?

    var date: CalendarDate { asOf ?? WallClock.system.today }
}

/// `3.75` as 375 hundredths of a per cent, exactly.
func parseBankRate(_ text: String) throws -> Int {
    guard let rate = try? Money(parsing: text), rate.pence >= 0, rate.pence < 10_000 else {
        throw ValidationError("--bank-rate '\(text)' must be a rate in per cent with at most two decimals, such as 3.75")
    }
    return Int(rate.pence)
}

func parseDate(_ text: String) throws -> CalendarDate {
    do { return try CalendarDate(parsing: text) } catch { throw ValidationError(error.description) }
}

/// `--claim ID ...` or `--overdue`.
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("claim"), parsing: .upToNextOption, help: "The claims to work on, by claim_id.")
    var claimIDs: [String] = []

    @Flag(help: "Every claim with money outstanding past its due date.")
    var overdue = false

    func validate() throws {
        if claimIDs.isEmpty == !overdue {
            throw ValidationError("give either --claim ID ... or --overdue")
        }
    }

    var selection: ClaimSelection { overdue ? .overdue : .ids(claimIDs) }
}
