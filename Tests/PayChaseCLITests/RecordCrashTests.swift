import Foundation
import PayChaseTestSupport
import Testing

/// A crash is never read as tampering: a process killed at any write, sync, link or rename
/// while it starts the record, or while it repairs one, leaves a record that either verifies or
/// is still the damaged one. The kills are injected with strace, one run per system call.
struct RecordCrashTests {
    /// A practice with two letters printed and ready to record; its record is still empty.
    func practice() throws -> PracticeFolder {
        let folder = try PracticeFolder()
        for claim in ["D-2026-014", "Q-2026-001"] {
            #expect(try folder.paychase("print", "appeal", "--claim", claim, "--as-of", "2026-11-22").status == 0)
        }
        return folder
    }

    func copy(_ folder: PracticeFolder) throws -> PracticeFolder {
        let copy = try PracticeFolder()
        try FileManager.default.copyItem(at: folder.url.appendingPathComponent("Outbox"), to: copy.url.appendingPathComponent("Outbox"))
        return copy
    }

    func posting(_ claim: String, on day: String) -> [String] { ["record-posting", "appeal", "--claim", claim, "--on", day] }

    func paychase(_ arguments: [String], in folder: PracticeFolder) throws -> CommandResult {
        try Command.run(Command.paychase, arguments, directory: folder.path, environment: folder.environment())
    }

    /// Runs `arguments` in a copy of `base` once per call it makes to each of `syscalls`, killed
    /// at that call, and hands each copy to `check`. Returns how many runs were killed.
    func killAtEveryCall(
        of syscalls: [String],
        running arguments: [String],
        in base: PracticeFolder,
        check: (PracticeFolder, String) throws -> Void
    ) throws -> Int {
        let counting = try copy(base)
        let traced = try Command.run(
            "/usr/bin/strace",
            ["-f", "-o", counting.path + "/trace", "-e", "trace=" + syscalls.joined(separator: ","), Command.paychase] + arguments,
            directory: counting.path,
            environment: counting.environment()
        )
        #expect(traced.status == 0, "\(traced.stderr)")
        let trace = try counting.read("trace").split(separator: "\n")
        var kills = 0
        for syscall in syscalls {
            let calls = trace.filter { $0.contains(" \(syscall)(") }.count
            guard calls > 0 else { continue }
            for when in 1...calls {
                let folder = try copy(base)
                let killed = try Command.run(
                    "/usr/bin/strace",
                    ["-f", "-o", "/dev/null", "-e", "trace=\(syscall)", "-e", "inject=\(syscall):signal=SIGKILL:when=\(when)", Command.paychase]
                        + arguments,
                    directory: folder.path,
                    environment: folder.environment()
                )
                if killed.status != 0 { kills += 1 }
                try check(folder, "killed at \(syscall) call \(when)")
            }
        }
        return kills
    }

    @Test func aKillWhileTheFirstEntryIsWrittenLeavesARecordThatVerifies() throws {
        let base = try practice()
        let kills = try killAtEveryCall(of: ["write", "pwrite64", "fsync", "rename"], running: posting("D-2026-014", on: "2026-11-23"), in: base) {
            folder,
            point in
            let verified = try folder.paychase("log", "--verify")
            #expect(verified.status == 0, "\(point): \(verified.stderr)")
            let next = try paychase(posting("Q-2026-001", on: "2026-11-24"), in: folder)
            #expect(next.status == 0, "after a kill at \(point): \(next.stderr)")
            let after = try folder.paychase("log", "--verify")
            #expect(after.status == 0, "\(point), then one more entry: \(after.stderr)")
            #expect(after.stdout.hasPrefix("OK: 1 entry,") || after.stdout.hasPrefix("OK: 2 entries,"), "\(point): \(after.stdout)")
            #expect(!folder.files(under: "Outbox").contains { $0.contains(".tmp-") }, "\(point): nothing half written is left behind")
        }
        #expect(kills >= 4, "the record-posting was killed at several points")
    }

    @Test func aRepairKilledAnywhereLeavesTheDamagedRecordOrTheRecordedRepair() throws {
        let base = try practice()
        #expect(try paychase(posting("D-2026-014", on: "2026-11-23"), in: base).status == 0)
        #expect(try paychase(posting("Q-2026-001", on: "2026-11-23"), in: base).status == 0)
        let first = try base.read("Outbox/deliveries.jsonl").split(separator: "\n")[0]
        try base.write("Outbox/deliveries.jsonl", first + "\n")

        let kills = try killAtEveryCall(of: ["write", "fsync", "link", "rename"], running: ["log", "--repair"], in: base) { folder, point in
            if try folder.paychase("log", "--verify").status != 0 {
                let again = try folder.paychase("log", "--repair")
                #expect(again.status == 0, "\(point): the damaged record can still be repaired: \(again.stderr)")
            }
            let verified = try folder.paychase("log", "--verify")
            #expect(verified.stdout.hasPrefix("OK: 2 entries,"), "\(point): \(verified.stdout)\(verified.stderr)")
            let last = try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").last ?? ""
            #expect(last.contains("\"outcome\":\"repaired\"") && last.contains("1 newest entry was removed"), "\(point): the record shows the repair")
            #expect(folder.files(under: "Outbox").contains { $0.contains("deliveries.jsonl.damaged-") }, "\(point)")
        }
        #expect(kills >= 4, "the repair was killed at several points")
    }
}
