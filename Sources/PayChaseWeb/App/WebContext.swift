import Foundation
import Hummingbird
import HummingbirdAuth

/// The request context: sessions and the logged-in user from hummingbird-auth.
public struct WebContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: WebUser?
    public let sessions: SessionContext<WebSession>
    /// The connection's peer address (`127.0.0.1`), when the channel has one.
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        identity = nil
        sessions = .init()
    }

    /// Bodies are collected by `FormGuardMiddleware`, with a limit per route.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }

    /// The session's token for forms, making a session for a first visit.
    public func csrfToken() -> String {
        if let token = sessions.session?.csrf { return token }
        let session = WebSession()
        sessions.createSession(session)
        return session.csrf
    }

    /// Whether the person may do what `role` may (always, on a service without users).
    public func may(_ role: WebRole) -> Bool { identity.map { $0.role >= role } ?? true }

    /// Sets the message the next page shows.
    public func flash(_ message: String) {
        if sessions.session == nil { sessions.createSession(WebSession()) }
        sessions.withLockedSession { $0?.flash = message }
    }

    /// The message an action left, said once.
    public func takeFlash() -> String? {
        guard let message = sessions.session?.flash else { return nil }
        sessions.withLockedSession { $0?.flash = nil }
        return message
    }
}
