import PayChaseTransport

extension CurlHandle {
    /// TLS (required and verified unless `access` says otherwise), the pinned login and the
    /// timeouts, as every mail protocol needs them. `totalSeconds` bounds one transfer.
    /// The secret is asked for here, so a token about to run out is renewed first; returns it,
    /// so the session knows what it signs in with.
    @discardableResult
    public func configure(_ access: MailServerAccess, totalSeconds: Int) throws(MailServerError) -> String? {
        do {
            try setTLS(required: !access.insecureAllowPlaintext, verify: !access.insecureSkipVerify, caFile: access.settings.caFile)
            try setTimeouts(connectSeconds: access.connectTimeoutSeconds, totalSeconds: totalSeconds)
        } catch {
            throw MailServerError(.configuration, error.message)
        }
        guard access.settings.username != nil else { return nil }
        let secret = try access.credential.secret()
        try setSecret(secret, for: access)
        return secret
    }

    /// Signs in with `secret` from the next connection on.
    public func setSecret(_ secret: String?, for access: MailServerAccess) throws(MailServerError) {
        guard let username = access.settings.username else { return }
        do { try setLogin(username: username, secret: secret, auth: access.settings.auth) } catch {
            throw MailServerError(.configuration, error.message)
        }
    }
}
