import Foundation
import PayChaseTestSupport
import Testing

/// A send killed at any rename while it drafts and queues leaves the whole batch queued or none
/// of it, and the next run queues each claim exactly once. The kills are injected with strace
/// at every rename(2) of a ten-claim send, with the mail server unreachable.
struct QueueingKillTests {
    static let claims = 10

    func practice() throws -> PracticeFolder {
        let folder = try PracticeFolder()
        var lines = ["claim_id,service,category,period,amount,submitted_on,reference"]
        for index in 1...Self.claims { lines.append("K-\(index),Dementia DES,DES,2026/27,\(100 + index).50,2026-06-01,REF-\(index)") }
        try folder.write("claims.csv", lines.joined(separator: "\n") + "\n")
        // Port 1 on loopback: nothing listens, so every message stays queued.
        try folder.configureSMTP(url: "smtp://127.0.0.1:1", username: nil, caFile: nil)
        return folder
    }

    func strace(_ arguments: [String], in folder: PracticeFolder) throws -> CommandResult {
        try Command.run(
            "/usr/bin/strace",
            ["-f", "-o", "/dev/null", "-e", "trace=rename"] + arguments + [Command.paychase, "send", "chase", "--overdue", "--as-of", "2026-11-22"],
            directory: folder.path,
            environment: folder.environment()
        )
    }

    func queuedClaims(_ folder: PracticeFolder) throws -> [String] {
        try folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".json") }.map { file in
            let meta = try JSONSerialization.jsonObject(with: Data(try folder.read(file).utf8)) as! [String: Any]
            return meta["claim_id"] as! String
        }.sorted()
    }

    @Test func aKillAtAnyRenameQueuesAllOrNothingAndTheNextRunFinishes() throws {
        let counting = try practice()
        let traced = try Command.run(
            "/usr/bin/strace",
            ["-f", "-o", counting.path + "/trace", "-e", "trace=rename", Command.paychase, "send", "chase", "--overdue", "--as-of", "2026-11-22"],
            directory: counting.path,
            environment: counting.environment()
        )
        #expect(traced.status == 69, "the server is unreachable: \(traced.stderr)")
        let renames = try counting.read("trace").split(separator: "\n").filter { $0.contains("rename(") }.count
        #expect(renames >= 2 * Self.claims, "every queued file is renamed into place")
        let all = (1...Self.claims).map { "K-\($0)" }.sorted()

        for when in 1...renames {
            let folder = try practice()
            let killed = try strace(["-e", "inject=rename:signal=SIGKILL:when=\(when)"], in: folder)
            #expect(killed.status != 0, "killed at rename \(when)")
            // Listing the queue finishes what the killed run began, without sending.
            #expect(try folder.paychase("queue").status == 0)
            let afterKill = try queuedClaims(folder)
            #expect(afterKill.isEmpty || afterKill == all, "kill at rename \(when) left \(afterKill.count) of \(Self.claims) queued")
            // The next send queues what is missing, and nothing twice.
            let next = try folder.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
            #expect(next.status == 69, "\(next.stderr)")
            #expect(try queuedClaims(folder) == all, "after a kill at rename \(when) every claim is queued once")
        }
    }

    /// The issue's own sequence: a killed first send, then `send --queued` alone. It finishes
    /// the batch and tries to send it, or names every claim the killed run did not queue; it
    /// never ends as if nothing had been meant.
    @Test func afterAKillSendQueuedAloneFinishesTheBatchOrNamesWhatWasNotQueued() throws {
        let counting = try practice()
        let traced = try Command.run(
            "/usr/bin/strace",
            ["-f", "-o", counting.path + "/trace", "-e", "trace=rename", Command.paychase, "send", "chase", "--overdue", "--as-of", "2026-11-22"],
            directory: counting.path,
            environment: counting.environment()
        )
        #expect(traced.status == 69, "the server is unreachable: \(traced.stderr)")
        #expect(!counting.exists("Outbox/queue/.batch.intent"), "a send that ends forgets what it meant to queue")
        let renames = try counting.read("trace").split(separator: "\n").filter { $0.contains("rename(") }.count
        let all = (1...Self.claims).map { "K-\($0)" }.sorted()
        let named = "chase for " + (1...Self.claims).map { "K-\($0)" }.joined(separator: ", ") + " were not queued; send again to queue them"

        for when in 1...renames {
            let folder = try practice()
            let killed = try strace(["-e", "inject=rename:signal=SIGKILL:when=\(when)"], in: folder)
            #expect(killed.status != 0, "killed at rename \(when)")
            let next = try folder.paychase("send", "--queued")
            let queued = try queuedClaims(folder)
            if queued == all {
                #expect(next.status == 69, "kill at rename \(when): the finished batch goes to the server: \(next.stderr)")
                #expect(!next.stderr.contains("not queued"), "kill at rename \(when): \(next.stderr)")
            } else {
                #expect(queued.isEmpty, "kill at rename \(when) left \(queued.count) of \(Self.claims) queued")
                #expect(next.stderr.contains(named), "kill at rename \(when): \(next.stderr)")
            }
            // Said once: the next run has nothing more to say, and sending again queues each claim once.
            #expect(!(try folder.paychase("send", "--queued").stderr.contains("not queued")))
            #expect(try folder.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22").status == 69)
            #expect(try queuedClaims(folder) == all, "after a kill at rename \(when) every claim is queued once")
        }
    }
}
