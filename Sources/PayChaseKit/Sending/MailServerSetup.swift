import Foundation
import PayChaseCurl
import PayChaseDomain
import PayChaseIMAP
import PayChaseInput
import PayChaseSMTP

/// Turns the profile's `smtp:` and `imap:` sections into connection settings, fetching each
/// password from where the profile says it is. Errors never include the password.
public enum MailServerSetup {
    /// The loudly named options that weaken TLS.
    public struct Insecurity: Sendable {
        public var skipCertificateVerification = false
        public var allowPlaintext = false
        public init(skipCertificateVerification: Bool = false, allowPlaintext: Bool = false) {
            self.skipCertificateVerification = skipCertificateVerification
            self.allowPlaintext = allowPlaintext
        }
    }

    public static func configuration(
        settings: PracticeSettings, configPath: String, insecurity: Insecurity,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PayChaseError) -> SMTPConfiguration {
        guard let smtp = settings.smtp else {
            throw PayChaseError(.configuration, "\(configPath): smtp: is not set, so nothing can be sent. The drafts are written; to send, add an smtp: section with url, username, password_env or password_file (see README, \"Sending\").")
        }
        var configuration = SMTPConfiguration(
            settings: smtp, heloDomain: EmailAddress.domain(of: settings.profile.practice.email),
            password: try MailPassword.fetch(for: smtp, section: "smtp", configPath: configPath, environment: environment)
        )
        configuration.insecureSkipVerify = insecurity.skipCertificateVerification
        configuration.insecureAllowPlaintext = insecurity.allowPlaintext
        return configuration
    }

    public static func imapConfiguration(
        settings: PracticeSettings, configPath: String, insecurity: Insecurity,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PayChaseError) -> IMAPConfiguration {
        guard let imap = settings.imap else {
            throw PayChaseError(.configuration, "\(configPath): imap: is not set, so receipts, bounces and replies cannot be read. Add an imap: section with url, username, password_env or password_file (see README, \"Receipts and replies\").")
        }
        var configuration = IMAPConfiguration(
            settings: imap, password: try MailPassword.fetch(for: imap, section: "imap", configPath: configPath, environment: environment)
        )
        configuration.insecureSkipVerify = insecurity.skipCertificateVerification
        configuration.insecureAllowPlaintext = insecurity.allowPlaintext
        return configuration
    }
}

/// A mail server's password, from the environment or from a file only its owner can read.
enum MailPassword {
    static func fetch(
        for settings: MailServerSettings, section: String, configPath: String, environment: [String: String]
    ) throws(PayChaseError) -> String? {
        switch settings.password {
        case .environment(let name)?:
            guard let value = environment[name], !value.isEmpty else {
                throw PayChaseError(.configuration, "\(configPath): \(section).password_env: the environment variable \(name) is not set")
            }
            return value
        case .file(let path)?:
            return try readFile(path, at: "\(configPath): \(section).password_file")
        case nil:
            return nil
        }
    }

    /// The file must be readable by its owner only (mode 0600): a password others can read is refused.
    static func readFile(_ path: String, at place: String) throws(PayChaseError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PayChaseError(.configuration, "\(place): \(path) does not exist or cannot be read")
        }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw PayChaseError(.configuration, "\(place): \(path) can be read by other users (mode \(mode)); run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PayChaseError(.configuration, "\(place): \(path) cannot be read")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else {
            throw PayChaseError(.configuration, "\(place): \(path) is empty")
        }
        return text
    }
}
