import Foundation
import Logging
import PayChaseDomain
import PayChaseInput
import PayChaseOutbox

/// A new claim list replacing the practice's (an upload): checked as `check` checks the claims,
/// every problem named `claims.csv:LINE: column: message`, and only a clean file replaces the
/// old one, which is kept beside it as a dated backup.
public struct ImportJob: Sendable {
    public var workspace: Workspace
    public var bytes: [UInt8]

    public init(workspace: Workspace, bytes: [UInt8]) {
        self.workspace = workspace
        self.bytes = bytes
    }

    public struct Result: Sendable {
        public var claims: Int
        public var outstanding: Money
        /// The claims file replaced.
        public var file: String
        /// Where the previous file was kept; nil when there was none.
        public var backup: String?
        /// What reading the file noticed without refusing it (a `ccg` paymaster).
        public var notes: [Problem]
    }

    /// The claims file's own name (`claims.csv`), as problems name it.
    public var fileName: String { URL(fileURLWithPath: workspace.claimsPath).lastPathComponent }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        let profile = try workspace.loadProfile()
        let read: (claims: [Claim], notes: [Diagnostic])
        do { read = try ClaimsLoader(profile: profile).read(bytes: bytes, file: fileName) } catch {
            throw Workspace.failure(error)
        }
        let path = workspace.claimsPath
        var backup: String?
        if FileManager.default.fileExists(atPath: path) {
            let name = Self.backupName(for: path, at: clock.now())
            do { try FileManager.default.copyItem(atPath: path, toPath: name) } catch {
                throw PayChaseError(
                    .temporaryFailure,
                    "\(name): the previous claims file could not be kept: \(error.localizedDescription); nothing was replaced"
                )
            }
            backup = name
        }
        do { try AtomicFile.write(bytes, to: path) } catch { throw error.failure }
        logger.info("replaced the claims file", metadata: ["file": "\(path)", "claims": "\(read.claims.count)", "backup": "\(backup ?? "-")"])
        return Result(
            claims: read.claims.count,
            outstanding: read.claims.reduce(.zero) { $0 + $1.outstanding },
            file: path,
            backup: backup,
            notes: read.notes.map(Problem.init)
        )
    }

    /// `claims.csv` → `claims.backup-2026-11-22-093015.csv`, London time, beside it.
    static func backupName(for path: String, at instant: Date) -> String {
        let url = URL(fileURLWithPath: path)
        let stamp = LondonTime.clock(instant).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.isEmpty ? "" : ".\(url.pathExtension)"
        var candidate = url.deletingLastPathComponent().appendingPathComponent("\(stem).backup-\(stamp)\(ext)").path
        var count = 1
        while FileManager.default.fileExists(atPath: candidate) {
            count += 1
            candidate = url.deletingLastPathComponent().appendingPathComponent("\(stem).backup-\(stamp)-\(count)\(ext)").path
        }
        return candidate
    }
}
