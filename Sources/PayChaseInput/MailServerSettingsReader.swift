import PayChaseTransport
import Yams

/// Reads a mail server section (`smtp:`, `imap:`); a password written into the file is refused.
enum MailServerSettingsReader {
    /// `schemes`: the URL schemes allowed, the plain one (upgraded with STARTTLS) first.
    /// `extraKeys`: further keys the section may have, which the caller reads.
    static func read(_ node: Node?, at key: String, schemes: [String], extraKeys: [String] = [], _ reader: inout YAMLReader) -> MailServerSettings? {
        guard node != nil else { return nil }
        if let map = node?.mapping, map["password"] != nil {
            reader.report(
                "\(key).password",
                "never put the password itself in paychase.yaml; use password_env (an environment variable) or password_file (a file only you can read)"
            )
        }
        let allowed = ["url", "username", "password", "password_env", "password_file", "auth", "ca_file"] + extraKeys
        guard let map = reader.mapping(node, at: key, allowed: allowed) else { return nil }
        let before = reader.diagnostics.count
        let url = reader.string(map, "url", at: key)
        if let url, !schemes.contains(where: { url.lowercased().hasPrefix("\($0)://") }) {
            reader.report("\(key).url", "'\(url)' must start with \(schemes[0]):// (STARTTLS) or \(schemes[1]):// (TLS)")
        }
        let username = reader.string(map, "username", at: key, required: false)
        let passwordEnv = reader.string(map, "password_env", at: key, required: false)
        let passwordFile = reader.string(map, "password_file", at: key, required: false)
        if passwordEnv != nil && passwordFile != nil {
            reader.report(key, "give password_env or password_file, not both")
        }
        var auth = MailServerSettings.Auth.plain
        var oauth = false
        if let text = reader.string(map, "auth", at: key, required: false) {
            if text.lowercased() == "oauth" {
                auth = .xoauth2
                oauth = true
            } else if let value = MailServerSettings.Auth(rawValue: text.uppercased()) {
                auth = value
            } else {
                reader.report(
                    "\(key).auth",
                    "'\(text)' must be oauth (OAuth 2.0 sign-in, as NHSmail and Microsoft 365 need), PLAIN or LOGIN (a password), or XOAUTH2 (a token you supply in password_env)"
                )
            }
        }
        if oauth {
            if passwordEnv != nil || passwordFile != nil {
                reader.report(
                    "\(key).auth",
                    "is oauth, so the token comes from the mailbox connection (paychase mailbox connect); remove password_env/password_file"
                )
            }
            if username == nil {
                reader.report("\(key).username", "is missing: with auth: oauth give the mailbox that signs in, such as practice.manager@nhs.net")
            }
        } else if username != nil && passwordEnv == nil && passwordFile == nil {
            reader.report("\(key).username", "is set but there is no password_env or password_file (or set auth: oauth to sign in with OAuth 2.0)")
        }
        let caFile = reader.string(map, "ca_file", at: key, required: false)
        guard reader.diagnostics.count == before, let url else { return nil }
        let password: MailServerSettings.PasswordSource? = oauth ? .oauth : passwordEnv.map { .environment($0) } ?? passwordFile.map { .file($0) }
        return MailServerSettings(url: url, username: username, password: password, auth: auth, caFile: caFile)
    }
}
