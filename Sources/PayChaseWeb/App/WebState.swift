import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs
import Synchronization

/// What every route and the worker share: the configuration, the pages, the users, and per
/// practice the lane its writing jobs take and the send-form keys already used.
final class WebState: Sendable {
    let configuration: WebConfiguration
    let pages: PageRenderer
    let users: UserStore
    let logger: Logger
    let worker = WorkerLog()
    let statusCache: StatusCache
    let combinedCache: CombinedCache
    let signIns = SignIns()
    let signInLimits = SignInLimiter()
    private let lanes: [String: JobLane]
    private let keys: [String: UsedKeys]
    /// The users file's names, read again only when the file changes.
    private let knownUsersCache = Mutex<(stamp: FileStamp?, users: [String: UserStore.Known])>((nil, [:]))
    /// Each practice's name, with the stamp of the profile it was read from.
    let names = Mutex<[String: (stamp: FileStamp, name: String)]>([:])

    init(configuration: WebConfiguration, pages: PageRenderer, logger: Logger) {
        self.configuration = configuration
        self.pages = pages
        self.logger = logger
        users = UserStore(path: configuration.usersFile)
        statusCache = StatusCache(clock: configuration.fileClock)
        combinedCache = CombinedCache(clock: configuration.fileClock)
        lanes = Dictionary(uniqueKeysWithValues: configuration.practices.map { ($0.slug, JobLane(patience: configuration.lockPatience)) })
        keys = Dictionary(uniqueKeysWithValues: configuration.practices.map { ($0.slug, UsedKeys(folder: $0.webFolder)) })
    }

    func lane(_ practice: ServedPractice) -> JobLane { lanes[practice.slug]! }

    func usedKeys(_ practice: ServedPractice) -> UsedKeys { keys[practice.slug]! }

    /// Today in Europe/London.
    var today: CalendarDate { configuration.clock.today }

    /// Each user in the users file now, with their role and password digest; read again only
    /// when the file changes.
    func knownUsers() -> [String: UserStore.Known] {
        let stamp = FileStamp(of: configuration.usersFile)
        return knownUsersCache.withLock { known in
            if known.stamp != stamp {
                known = (stamp, (try? users.known()) ?? [:])
            }
            return known.users
        }
    }

    /// Every page needs a login once the users file names anyone.
    var loginRequired: Bool { !knownUsers().isEmpty }

    /// The layout for a page of `practice` (nil: a page of the whole service), `current` naming its tab.
    func layout(_ title: String, practice: ServedPractice?, current: String, context: WebContext) -> Layout {
        var nav: [NavLink] = []
        if configuration.several { nav.append(NavLink(id: "practices", label: "All practices", href: "/", current: current == "practices")) }
        if let practice = practice ?? (configuration.several ? nil : configuration.practices.first) {
            let base = practice.pagePath
            for (id, label, path) in [
                ("dashboard", "Dashboard", "/"), ("claims", "Claims", "/claims"), ("import", "Import", "/import"), ("bank", "Bank", "/bank"),
                ("queue", "Queue", "/queue"), ("record", "Record", "/record"), ("reports", "Reports", "/reports"),
                ("calendar", "Deadlines", "/calendar"),
                ("mailbox", "Mailbox", "/mailbox"),
            ] {
                nav.append(NavLink(id: id, label: label, href: base + path, current: current == id))
            }
        }
        if context.identity?.role == .admin { nav.append(NavLink(id: "users", label: "Users", href: "/users", current: current == "users")) }
        let user = context.identity?.name
        return Layout(title: title, nav: nav, user: user, csrf: user == nil ? nil : context.csrfToken(), flash: context.takeFlash())
    }
}
