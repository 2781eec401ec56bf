import Foundation

/// What `stat` says of a file that changes when the file does: its inode, size, and modification
/// and change times. A rename into place or an append changes one. A file that is not there
/// has the stamp `missing`.
struct FileStamp: Hashable, Sendable, Codable {
    var inode: UInt64 = 0
    var size: Int64 = -1
    var modified = timespec()
    var changed = timespec()

    static let missing = FileStamp()

    /// The first second (of the wall clock) from which what the file says, read then, stays true
    /// for as long as its stamp does. A file changed within `racyMargin` before it is read may
    /// change again within the same tick of the file system's clock, at the same size, and leave
    /// its stamp as it was (git's "racily clean"): what is made from such a read is made again
    /// once the file has settled. A modification time in the future counts from then.
    var settled: Int { max(modified.tv_sec, changed.tv_sec) + Self.racyMargin + 1 }

    /// Seconds.
    static let racyMargin = 1

    /// The wall clock's second now.
    static func second() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec
    }

    init() {}

    init(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.inode == b.inode && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(inode)
        hasher.combine(size)
        hasher.combine(modified.tv_nsec)
        hasher.combine(changed.tv_nsec)
    }

    /// Kept as six numbers: the inode, the size, and the two times' seconds and nanoseconds.
    init(from decoder: any Decoder) throws {
        var numbers = try decoder.unkeyedContainer()
        inode = try numbers.decode(UInt64.self)
        size = try numbers.decode(Int64.self)
        modified = timespec(tv_sec: try numbers.decode(Int.self), tv_nsec: try numbers.decode(Int.self))
        changed = timespec(tv_sec: try numbers.decode(Int.self), tv_nsec: try numbers.decode(Int.self))
    }

    func encode(to encoder: any Encoder) throws {
        var numbers = encoder.unkeyedContainer()
        try numbers.encode(inode)
        try numbers.encode(size)
        for time in [modified, changed] {
            try numbers.encode(time.tv_sec)
            try numbers.encode(time.tv_nsec)
        }
    }
}
