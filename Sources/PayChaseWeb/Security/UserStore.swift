import Foundation
import HummingbirdBcrypt
import PayChaseDomain
import PayChaseJobs

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
    }

    /// The names in the file; none when it does not exist.
    public func names() throws(WebSetupError) -> [String] { try read().users.map(\.name) }

    /// Adds `name`, or gives them a new password; true when the name was new.
    @discardableResult
    public func add(_ name: String, password: String, cost: UInt8 = 12) throws(WebSetupError) -> Bool {
        guard Self.isValidName(name) else {
            throw WebSetupError("'\(name)' cannot be a user name: use 1 to 64 letters, digits, '.', '-', '_' or '@'")
        }
        guard password.count >= Self.minimumPasswordLength, !password.hasPrefix(" "), !password.contains("\n") else {
            throw WebSetupError("the password must be at least \(Self.minimumPasswordLength) characters on one line")
        }
        var file = try read()
        let entry = Entry(name: name, bcrypt: Bcrypt.hash(password, cost: cost))
        let isNew = !file.users.contains { $0.name == name }
        file.users.removeAll { $0.name == name }
        file.users.append(entry)
        file.users.sort { $0.name < $1.name }
        let encoder = JSONStyle.document.encoder()
        do { try AtomicFile.write(Array(try encoder.encode(file)) + [0x0A], to: path, mode: 0o600) } catch {
            throw WebSetupError("\(path): could not be written: \(error)")
        }
        return isNew
    }

    /// The user when the password is theirs. Slow on purpose (bcrypt): call it off the cooperative pool.
    public func verify(_ name: String, password: String) -> String? {
        guard let entry = try? read().users.first(where: { $0.name == name }) else { return nil }
        return Bcrypt.verify(password, hash: entry.bcrypt) ? entry.name : nil
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
