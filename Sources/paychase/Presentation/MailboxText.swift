import Foundation
import PayChaseDomain
import PayChaseJobs

/// What `paychase mailbox` prints. Never a token: the job gives none.
enum MailboxText {
    static func instructions(_ device: DeviceAuthorization) -> String {
        let minutes = max(1, Int(device.expiresAt.timeIntervalSinceNow / 60))
        var lines = [
            "To connect the practice mailbox, open this page in a browser and sign in as the mailbox (or its owner):",
            "",
            "    \(device.verificationURI)",
            "",
            "and enter the code:  \(device.userCode)",
            "",
        ]
        if let complete = device.verificationURIComplete { lines.insert(contentsOf: ["(or open \(complete), which has the code in it)", ""], at: 5) }
        lines.append("Waiting for the sign-in (the code works for about \(minutes) minutes) ...")
        return lines.joined(separator: "\n")
    }

    static func connected(_ connection: MailboxConnection) -> String {
        "Connected\(connection.account.map { " as \($0)" } ?? ""). Granted: \(connection.scopes.joined(separator: " ")). PayChase renews the sign-in by itself."
    }

    static func status(_ status: MailboxJob.Status) -> String {
        var lines = ["Identity provider: \(status.provider.rawValue), application (client) id \(status.clientID)"]
        switch status.grant {
        case .deviceCode: lines.append("Sign-in: a person signs in (device code)")
        case .clientCredentials: lines.append("Sign-in: the application's own permission (client credentials)")
        }
        if let smtp = status.smtpUsername { lines.append("Sends as: \(smtp)") }
        if let imap = status.imapUsername { lines.append("Reads: \(imap)") }
        lines.append("Tokens kept in: \(status.tokenFile)")
        guard let connection = status.connection else {
            lines.append("Not connected: run 'paychase mailbox connect'.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Connected as: \(connection.account ?? "(the provider did not say)")")
        lines.append("Connected on: \(time(connection.connectedAt))")
        lines.append("Permissions granted: \(connection.scopes.joined(separator: " "))")
        let missing = status.scopesAsked.filter { !connection.scopes.contains($0) }
        if !missing.isEmpty { lines.append("Not granted (asked for): \(missing.joined(separator: " "))") }
        lines.append("Refresh token last used: \(connection.refreshedAt.map(time) ?? "not yet")")
        lines.append("Current access token runs out: \(time(connection.accessTokenExpiresAt))")
        if !connection.canRenew { lines.append("No refresh token: the sign-in cannot be renewed; connect again when it runs out.") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `6 December 2026 21:40` in London time.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "d MMMM yyyy HH:mm"
        return formatter.string(from: date)
    }
}
