import Foundation
import PayChaseOutbox

/// Puts a whole pack in place at once: written to a hidden folder beside it, then swapped in,
/// so a pack is never half old and half new.
enum EvidenceFolder {
    static func replace(_ folder: String, with files: [EvidenceFile]) throws(OutboxError) {
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        let name = String(folder.split(separator: "/").last ?? "")
        let fresh = "\(parent)/.\(name).new-\(getpid())"
        let old = "\(parent)/.\(name).old-\(getpid())"
        try? FileManager.default.removeItem(atPath: fresh)
        for file in files { try AtomicFile.write(file.bytes, to: "\(fresh)/\(file.path)") }
        if FileManager.default.fileExists(atPath: folder), rename(folder, old) != 0 {
            throw OutboxError(path: folder, operation: "move the previous pack aside", errno: errno)
        }
        guard rename(fresh, folder) == 0 else { throw OutboxError(path: folder, operation: "put the pack in place", errno: errno) }
        try? FileManager.default.removeItem(atPath: old)
    }
}
