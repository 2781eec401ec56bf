import Foundation
import HummingbirdBcrypt
import PayChaseDomain
import PayChaseJobs
import PayChaseOutbox

/// The people who may use the web service: `paychase-users.json`, each name with a bcrypt hash
/// (hummingbird-auth's), readable by its owner only. Read afresh at each login, so a user added
/// while the web service runs can log in at once.
public struct UserStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    struct File: Codable {
        var users: [Entry]
    }

    struct Entry: Codable {
        var name: String
        var bcrypt: String
        /// The secret in the user's calendar link, for a calendar that subscribes without a login.
        var calendar: String?
        /// Nil in files written before roles: such a user could do everything, so is an admin.
        var role: WebRole?
    }

    /// Who may sign in, as the web service checks each request against.
    public struct Known: Sendable, Hashable {
        public var role: WebRole
        /// A digest of the password hash: a session signed in with another password has ended.
        public var password: String
    }

    /// The names in the file; none when it does not exist.
    public func names() throws(WebSetupError) -> [String] { try read().users.map(\.name) }

    /// Each user's role and password digest.
    public func known() throws(WebSetupError) -> [String: Known] {
        Dictionary(
            try read().users.map { ($0.name, Known(role: $0.role ?? .admin, password: Self.digest($0.bcrypt))) },
            uniquingKeysWith: { a, _ in a }
        )
    }

    /// The first 16 hex digits of the SHA-256 of a bcrypt hash: enough to tell passwords apart,
    /// nothing to guess one from.
    static func digest(_ bcrypt: String) -> String { String(SHA256Hex.digest(Array(bcrypt.utf8)).prefix(16)) }

    /// Takes `name` out of the file; false when they were not in it.
    @discardableResult
    public func remove(_ name: String) throws(WebSetupError) -> Bool {
        var file = try read()
        guard file.users.contains(where: { $0.name == name }) else { return false }
        file.users.removeAll { $0.name == name }
        try write(file)
        return true
    }

    /// Adds `name`, or gives them a new password (and `role`, when given); true when the name
    /// was new. A new user without a role is a manager; an existing one keeps theirs.
    @discardableResult
    public func add(_ name: String, password: String, role: WebRole? = nil, cost: UInt8 = 12) throws(WebSetupError) -> Bool {
        guard Self.isValidName(name) else {
            throw WebSetupError("'\(name)' cannot be a user name: use 1 to 64 letters, digits, '.', '-', '_' or '@'")
        }
        guard password.count >= Self.minimumPasswordLength, !password.hasPrefix(" "), !password.contains("\n") else {
            throw WebSetupError("the password must be at least \(Self.minimumPasswordLength) characters on one line")
        }
        var file = try read()
        let old = file.users.first { $0.name == name }
        // A new password also retires the calendar link: a leaked link stops working.
        let entry = Entry(
            name: name,
            bcrypt: Bcrypt.hash(password, cost: cost),
            calendar: nil,
            role: role ?? old.map { $0.role ?? .admin } ?? .manager
        )
        file.users.removeAll { $0.name == name }
        file.users.append(entry)
        file.users.sort { $0.name < $1.name }
        try write(file)
        return old == nil
    }

    /// The secret of `name`'s calendar link, made (and kept in the file) the first time it is asked for.
    public func calendarSecret(for name: String) throws(WebSetupError) -> String {
        var file = try read()
        guard let index = file.users.firstIndex(where: { $0.name == name }) else { throw WebSetupError("'\(name)' is not a user") }
        if let secret = file.users[index].calendar { return secret }
        var random = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined()
        file.users[index].calendar = secret
        try write(file)
        return secret
    }

    /// The user whose calendar link has this secret; nil for none. Every entry is compared in full.
    public func user(withCalendarSecret secret: String) -> String? {
        guard secret.utf8.count == 64, let users = try? read().users else { return nil }
        var found: String?
        for user in users {
            if let known = user.calendar, FormGuardMiddleware.same(known, secret) { found = user.name }
        }
        return found
    }

    private func write(_ file: File) throws(WebSetupError) {
        let encoder = JSONStyle.document.encoder()
        do { try AtomicFile.write(Array(try encoder.encode(file)) + [0x0A], to: path, mode: 0o600) } catch {
            throw WebSetupError("\(path): could not be written: \(error)")
        }
    }

    /// The user and their password digest when the password is theirs. Slow on purpose
    /// (bcrypt): call it off the cooperative pool.
    public func verify(_ name: String, password: String) -> (name: String, password: String)? {
        guard let entry = try? read().users.first(where: { $0.name == name }) else { return nil }
        return Bcrypt.verify(password, hash: entry.bcrypt) ? (entry.name, Self.digest(entry.bcrypt)) : nil
    }

    public static let minimumPasswordLength = 10

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }
    }

    private func read() throws(WebSetupError) -> File {
        guard let data = FileManager.default.contents(atPath: path) else { return File(users: []) }
        do { return try JSONDecoder().decode(File.self, from: data) } catch {
            throw WebSetupError("\(path): is not a PayChase users file: \(error)")
        }
    }
}
