/// Mail servers' answers about signing in and sending as someone, explained in words a practice
/// manager can act on, naming what to ask the NHSmail Local Administrator for. Recognises
/// Exchange Online's enhanced status codes; nil for any other answer.
public enum SignInAdvice {
    public static func explain(_ reply: String, username: String?, server: String) -> String? {
        let said = reply.split(whereSeparator: \.isNewline).joined(separator: " / ")
        let mailbox = username ?? "the mailbox"
        if reply.contains("5.7.30") {
            return
                "\(server) no longer accepts a password for \(mailbox) (\(said)): password (Basic) sign-in is switched off for sending, as Microsoft did for Exchange Online and NHSmail at the end of December 2026. Sign in with OAuth 2.0 instead: set auth: oauth with an oauth: section and connect the mailbox (see README, \"Using NHSmail / Microsoft 365\"). Nothing was sent; the queue is kept."
        }
        if reply.contains("5.7.139") {
            return
                "\(server) refused the sign-in for \(mailbox) (\(said)): SMTP AUTH (authenticated SMTP) is switched off for this mailbox or for the organisation. Ask the NHSmail Local Administrator to enable authenticated SMTP for \(mailbox). Nothing was sent; the queue is kept."
        }
        if reply.hasPrefix("535") && reply.contains("5.7.3") {
            return
                "\(server) refused the sign-in for \(mailbox) (\(said)): the token is for a different account than the username in the profile, or it lacks the permission to send (SMTP.Send) or read (IMAP.AccessAsUser.All). Check that the username is the mailbox that signed in, and ask the NHSmail Local Administrator whether the application registration has those delegated permissions with admin consent. Nothing was sent; the queue is kept."
        }
        if reply.contains("SendAsDenied") {
            return
                "\(server) will not let \(mailbox) send as the practice's From address (\(said)). practice.email must be the signed-in mailbox, or that mailbox must have Send As permission on the shared mailbox: ask the NHSmail Local Administrator to grant it. The message was not sent and stays queued."
        }
        return nil
    }
}
