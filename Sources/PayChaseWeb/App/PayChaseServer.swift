import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle

/// `paychase serve`: the web pages and JSON over the same jobs as the command line, and the
/// worker, in one process under swift-service-lifecycle.
public enum PayChaseServer {
    /// The application, routes and middleware in place, ready to run or to test in-process.
    /// Refuses an address off loopback while no user is set up: every page would be open to the network.
    public static func application(
        _ configuration: WebConfiguration,
        logger: Logger,
        onServing: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws(WebSetupError) -> (application: Application<RouterResponder<WebContext>>, worker: PayChaseWorker) {
        let users = UserStore(path: configuration.usersFile)
        if !configuration.listen.isLoopback, try users.names().isEmpty {
            throw WebSetupError(
                "--listen \(configuration.listen) is not this machine's loopback address, so the pages would be open to the network; add a user first (paychase user add NAME) so that every page needs a login"
            )
        }
        guard let folder = PageRenderer.locate() else {
            throw WebSetupError("the page templates cannot be found; set PAYCHASE_PAGES to the PayChaseWeb Pages folder")
        }
        let state = WebState(configuration: configuration, pages: try await PageRenderer.load(from: folder), logger: logger)
        let sessions = SessionFile(path: configuration.sessionsFile)
        let application = Application(
            router: router(state, sessions: sessions),
            configuration: .init(address: .hostname(configuration.listen.host, port: configuration.listen.port), serverName: nil),
            services: [sessions],
            onServerRunning: { channel in onServing(channel.localAddress?.port ?? configuration.listen.port) },
            logger: logger
        )
        return (application, PayChaseWorker(state: state))
    }

    /// Every route: the login, the combined dashboard when there are several practices, then
    /// each practice's pages and JSON.
    static func router(_ state: WebState, sessions: some PersistDriver) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        let cookie = SessionCookieParameters(name: "paychase_session", secure: state.configuration.behindTLS, sameSite: .strict)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ProxyMiddleware(state: state))
        // Sessions outermost, so what an error page does to the session (a flash shown) is kept too.
        router.add(
            middleware: SessionMiddleware(
                storage: sessions,
                configuration: .init(sessionCookieParameters: cookie, defaultSessionExpiration: .seconds(8 * 3600))
            )
        )
        router.add(middleware: SecurityHeadersMiddleware(state: state))
        router.add(middleware: sessionAuthenticator(state))
        router.add(middleware: LoginMiddleware(state: state))
        router.add(middleware: FormGuardMiddleware(state: state))
        router.add(middleware: RoleMiddleware(state: state))
        AuthController(state: state).register(on: router)
        UsersController(state: state).register(on: router)
        if state.configuration.several { PracticesController(state: state).register(on: router) }
        for practice in state.configuration.practices {
            let pages = router.group(RouterPath(practice.pagePath))
            let api = router.group(RouterPath(practice.apiPath))
            DashboardController(state: state, practice: practice).register(pages: pages, api: api)
            ClaimsController(state: state, practice: practice).register(pages: pages, api: api)
            ClaimController(state: state, practice: practice).register(pages: pages, api: api)
            ClaimActionsController(state: state, practice: practice).register(pages: pages)
            ImportController(state: state, practice: practice).register(pages: pages)
            QueueController(state: state, practice: practice).register(pages: pages, api: api)
            RecordController(state: state, practice: practice).register(pages: pages, api: api)
            ReturnedMailController(state: state, practice: practice).register(pages: pages)
            MailboxController(state: state, practice: practice).register(pages: pages, api: api)
            ReportsController(state: state, practice: practice).register(pages: pages, api: api)
            CalendarController(state: state, practice: practice).register(pages: pages)
            BankController(state: state, practice: practice).register(pages: pages)
        }
        return router
    }

    /// Serves until SIGTERM or SIGINT, then stops the server and lets the worker finish the
    /// message in flight. `onServing` gets the port, once it is listening.
    public static func run(_ configuration: WebConfiguration, logger: Logger, onServing: @escaping @Sendable (Int) -> Void) async throws {
        let (application, worker) = try await application(configuration, logger: logger, onServing: onServing)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: application), .init(service: worker)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
