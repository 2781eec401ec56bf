#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a crash leaves either the old file or the new one, never half of either:
/// a temporary name in the same folder, fsync, rename, fsync of the folder.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(OutboxError) {
        let directory = parent(of: path)
        try makeDirectories(directory)
        try put(bytes, at: path, mode: mode, sync: true)
        try syncDirectory(directory)
    }

    /// Writes several files as `write` does, syncing each folder once at the end: each file is
    /// whole or absent after a crash, and all are durable when this returns.
    public static func writeAll(_ files: [(bytes: [UInt8], path: String)], mode: mode_t = 0o644) throws(OutboxError) {
        var folders: [String] = []
        for file in files {
            let directory = parent(of: file.path)
            if !folders.contains(directory) {
                try makeDirectories(directory)
                folders.append(directory)
            }
            try put(file.bytes, at: file.path, mode: mode, sync: true)
        }
        for folder in folders { try syncDirectory(folder) }
    }

    /// Replaces `path` by rename without fsync: a killed process leaves the old file or the new
    /// one; a power cut may leave the old one until the filesystem is next synced.
    public static func replace(_ bytes: [UInt8], at path: String, mode: mode_t = 0o644) throws(OutboxError) {
        try put(bytes, at: path, mode: mode, sync: false)
    }

    /// Appends `bytes` to `path` (created if missing) and fsyncs it: a short list that only grows,
    /// such as the service's used form keys.
    public static func append(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(OutboxError) {
        try makeDirectories(parent(of: path))
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode)
        guard fd >= 0 else { throw OutboxError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        try FileDescriptorWrite.all(bytes, to: fd, path: path, operation: "append")
        guard fsync(fd) == 0 else { throw OutboxError(path: path, operation: "sync", errno: errno) }
    }

    /// Writes a temporary file beside `path` (fsynced when `sync`) and renames it into place.
    private static func put(_ bytes: [UInt8], at path: String, mode: mode_t, sync: Bool) throws(OutboxError) {
        let temporary = temporaryName(for: path)
        try writeAll(bytes, to: temporary, final: path, mode: mode, sync: sync)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutboxError(path: path, operation: "rename into place", errno: code)
        }
    }

    /// `.<name>.tmp-<pid>-<random>` in the same folder: hidden, unique, swept after a crash.
    static func temporaryName(for path: String) -> String {
        "\(parent(of: path))/.\(basename(of: path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// One syncfs for the filesystem holding `path`.
    public static func syncFilesystem(of path: String) throws(OutboxError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutboxError(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        guard syncfs(fd) == 0 else { throw OutboxError(path: path, operation: "sync", errno: errno) }
    }

    /// Creates `path` (which must not exist) with `bytes`, fsynced when `sync`; removed on failure.
    /// A failure names `final`, the file the practice knows of, rather than the temporary one.
    static func writeAll(_ bytes: [UInt8], to path: String, final: String, mode: mode_t, sync: Bool) throws(OutboxError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw OutboxError(path: final, operation: "create", errno: errno) }
        do throws(OutboxError) {
            try FileDescriptorWrite.all(bytes, to: fd, path: final, operation: "write")
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        if sync && fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(path)
            throw OutboxError(path: final, operation: "sync", errno: code)
        }
        close(fd)
    }

    /// Makes the folder and any missing parents. The folder itself is tried first: in a batch of
    /// drafts, one folder a claim, its parents are there already, and one call does. Otherwise
    /// each level is made from the top, so that a failure names the folder that failed.
    public static func makeDirectories(_ path: String) throws(OutboxError) {
        if !path.isEmpty, mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/\(component)"
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw OutboxError(path: current, operation: "create folder", errno: errno)
            }
        }
    }

    /// Makes a rename durable.
    public static func syncDirectory(_ path: String) throws(OutboxError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutboxError(path: path, operation: "open folder", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw OutboxError(path: path, operation: "sync folder", errno: errno) }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
