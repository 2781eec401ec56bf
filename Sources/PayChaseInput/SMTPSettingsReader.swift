import PayChaseDomain
import Yams

/// Reads the optional `smtp:` section; a password written into the file is refused.
enum SMTPSettingsReader {
    static func read(_ node: Node?, _ reader: inout YAMLReader) -> SMTPSettings? {
        let key = "smtp"
        guard node != nil else { return nil }
        if let map = node?.mapping, map["password"] != nil {
            reader.report("smtp.password", "never put the password itself in paychase.yaml; use password_env (an environment variable) or password_file (a file only you can read)")
        }
        let allowed = ["url", "username", "password", "password_env", "password_file", "auth", "ca_file"]
        guard let map = reader.mapping(node, at: key, allowed: allowed) else { return nil }
        let before = reader.diagnostics.count
        let url = reader.string(map, "url", at: key)
        if let url, !(url.lowercased().hasPrefix("smtp://") || url.lowercased().hasPrefix("smtps://")) {
            reader.report("smtp.url", "'\(url)' must start with smtp:// (STARTTLS) or smtps:// (TLS)")
        }
        let username = reader.string(map, "username", at: key, required: false)
        let passwordEnv = reader.string(map, "password_env", at: key, required: false)
        let passwordFile = reader.string(map, "password_file", at: key, required: false)
        if passwordEnv != nil && passwordFile != nil {
            reader.report("smtp", "give password_env or password_file, not both")
        }
        if username != nil && passwordEnv == nil && passwordFile == nil {
            reader.report("smtp.username", "is set but there is no password_env or password_file")
        }
        var auth = SMTPSettings.Auth.plain
        if let text = reader.string(map, "auth", at: key, required: false) {
            if let value = SMTPSettings.Auth(rawValue: text.uppercased()) { auth = value } else {
                reader.report("smtp.auth", "'\(text)' must be PLAIN, LOGIN or XOAUTH2")
            }
        }
        let caFile = reader.string(map, "ca_file", at: key, required: false)
        guard reader.diagnostics.count == before, let url else { return nil }
        let password: SMTPSettings.PasswordSource? = passwordEnv.map { .environment($0) } ?? passwordFile.map { .file($0) }
        return SMTPSettings(url: url, username: username, password: password, auth: auth, caFile: caFile)
    }
}
