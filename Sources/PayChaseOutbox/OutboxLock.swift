#if canImport(Glibc)
import Glibc
#endif

/// Only one `paychase` works the queue at a time. The kernel drops the lock when the process
/// ends, however it ends, so a killed run never leaves the Outbox locked.
public final class OutboxLock {
    private let fd: Int32

    public init(outbox: Outbox) throws(OutboxError) {
        try AtomicFile.makeDirectories(outbox.root)
        let path = "\(outbox.root)/.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutboxError(path: path, operation: "open the lock file", errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            throw OutboxError(path: outbox.root, operation: "lock (another paychase is sending from this Outbox)", errno: code)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
