import Foundation
import PayChaseDomain

/// The one file a mailbox connection's tokens are kept in: readable and writable by its owner
/// only, replaced whole (written to a temporary name, flushed, renamed), and changed only under
/// an exclusive lock, so that two processes renewing at once never lose a token: one renews,
/// the other waits and reads what it wrote.
public struct TokenStore: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The stored tokens, or nil when nobody has connected.
    public func read() throws(OAuthFailure) -> StoredTokens? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & 0o077 == 0 else {
            throw OAuthFailure(
                .configuration,
                "The token file \(path) can be read by other users (mode \(String(info.st_mode & 0o777, radix: 8))); run chmod 600 on it, or connect the mailbox again."
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OAuthFailure(.configuration, "The token file \(path) cannot be read.")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(StoredTokens.self, from: data) } catch {
            throw OAuthFailure(.signInNeeded, "The token file \(path) is damaged; connect the mailbox again.")
        }
    }

    /// Replaces the file with `tokens`, mode 0600, durably.
    public func write(_ tokens: StoredTokens) throws(OAuthFailure) {
        let encoder = JSONStyle.document.encoder()
        let data: Data
        do { data = try encoder.encode(tokens) } catch { throw OAuthFailure(.configuration, "The tokens could not be encoded.") }
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OAuthFailure(.configuration, "The token file \(path) cannot be written: \(String(cString: strerror(errno))).") }
        var written = 0
        let ok = data.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let count = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return fchmod(fd, 0o600) == 0 && fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OAuthFailure(.configuration, "The token file \(path) cannot be written: \(String(cString: strerror(errno))).")
        }
        Self.syncFolder(of: path)
    }

    /// Forgets the connection.
    public func remove() throws(OAuthFailure) {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw OAuthFailure(.configuration, "The token file \(path) cannot be removed: \(String(cString: strerror(errno))).")
        }
        Self.syncFolder(of: path)
    }

    /// Runs `body` holding the store's exclusive lock (`<path>.lock`, flock): other processes and
    /// threads renewing the same tokens wait until it is done.
    public func locked<T>(_ body: () throws(OAuthFailure) -> T) throws(OAuthFailure) -> T {
        let lockPath = "\(path).lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw OAuthFailure(.configuration, "The token lock \(lockPath) cannot be opened: \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw OAuthFailure(.configuration, "The token lock \(lockPath) cannot be taken: \(String(cString: strerror(errno))).")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
