#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the Outbox writes to a file descriptor. `write(2)` may write fewer bytes than
/// asked (a nearly full disk, a signal part way) or fail with EINTR before writing any; taken
/// as the whole write, either would leave a delivery-log line or a journal line cut short.
enum FileDescriptorWrite {
    /// One `write(2)`, or `pwrite(2)` when there is an offset: the count written, or -1 and errno.
    typealias System = @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: off_t?) -> (count: Int, errno: Int32)

    /// The system calls themselves.
    static let real: System = { fd, bytes, offset in
        let count = if let offset { pwrite(fd, bytes.baseAddress, bytes.count, offset) } else { write(fd, bytes.baseAddress, bytes.count) }
        return (count, count < 0 ? errno : 0)
    }

    /// The call `all` makes: task-local, so a test can make it write short or be interrupted
    /// without touching writes made by other tests running at the same time.
    @TaskLocal static var system: System = real

    /// Writes every byte, at `offset` onwards when given, retrying after EINTR and after a short
    /// write; any other failure throws with the file and what was being done.
    static func all(_ bytes: [UInt8], to fd: Int32, at offset: off_t? = nil, path: String, operation: String) throws(OutboxError) {
        let systemWrite = system
        var written = 0
        while written < bytes.count {
            let (count, code) = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, UnsafeRawBufferPointer(rebasing: buffer[written...]), offset.map { $0 + off_t(written) })
            }
            if count < 0 {
                if code == EINTR { continue }
                throw OutboxError(path: path, operation: operation, errno: code)
            }
            // Nothing written and no error would loop for ever: say it as the I/O error it is.
            guard count > 0 else { throw OutboxError(path: path, operation: operation, errno: EIO) }
            written += count
        }
    }
}
