import Foundation
import PayChaseCurl
import PayChaseDomain
import PayChaseInput
import PayChaseSMTP

/// Turns the profile's `smtp:` section into a connection's settings, fetching the password
/// from where the profile says it is. Errors never include the password.
public enum SMTPSetup {
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
        var password: String?
        switch smtp.password {
        case .environment(let name)?:
            guard let value = environment[name], !value.isEmpty else {
                throw PayChaseError(.configuration, "\(configPath): smtp.password_env: the environment variable \(name) is not set")
            }
            password = value
        case .file(let path)?:
            password = try readPasswordFile(path, configPath: configPath)
        case nil:
            password = nil
        }
        var configuration = SMTPConfiguration(
            settings: smtp, heloDomain: EmailAddress.domain(of: settings.profile.practice.email), password: password
        )
        configuration.insecureSkipVerify = insecurity.skipCertificateVerification
        configuration.insecureAllowPlaintext = insecurity.allowPlaintext
        return configuration
    }

    /// The file must be readable by its owner only (mode 0600): a password others can read is refused.
    static func readPasswordFile(_ path: String, configPath: String) throws(PayChaseError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PayChaseError(.configuration, "\(configPath): smtp.password_file: \(path) does not exist or cannot be read")
        }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw PayChaseError(.configuration, "\(configPath): smtp.password_file: \(path) can be read by other users (mode \(mode)); run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PayChaseError(.configuration, "\(configPath): smtp.password_file: \(path) cannot be read")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else {
            throw PayChaseError(.configuration, "\(configPath): smtp.password_file: \(path) is empty")
        }
        return text
    }
}
