import Foundation
import PayChaseTestSupport
import Testing

/// Never lost, never twice: a run killed at any moment, or a server that goes away mid-batch,
/// ends with every message in the Maildir exactly once.
extension SendTests {
    @Test func sigkillAtSeveralPointsLosesNothingAndSendsNothingTwice() throws {
        let practice = try SendingPractice()
        try practice.writeClaims(count: 200, prefix: "K")
        let first = try launch(practice, ["send", "chase", "--overdue", "--as-of", "2026-11-22"], killAtLogLines: 25)
        #expect(first.killed, "the first run was killed mid-batch")
        var kills = 1
        for point in [70, 120, 165] {
            let run = try launch(practice, ["send", "--queued", "--retry-now"], killAtLogLines: point)
            if run.killed { kills += 1 }
        }
        #expect(kills >= 3, "killed at several points")
        try finish(practice)
        try expectEachMessageOnce(practice, claims: 200, prefix: "K", serverWasStopped: false)
    }

    /// On a rig of its own: stopping the shared Postfix would cut off every other test using it.
    @Test func theServerStoppingMidBatchLeavesTheRestQueued() throws {
        let rig = try MailRig.startPrivate()
        defer { rig.stop() }
        let practice = try SendingPractice(rig: rig)
        try practice.writeClaims(count: 60, prefix: "S")
        let process = try start(practice, ["send", "chase", "--overdue", "--as-of", "2026-11-22"])
        while process.isRunning, try logLines(practice) < 15 { Thread.sleep(forTimeInterval: 0.002) }
        try rig.stopPostfix()
        process.waitUntilExit()
        defer { try? rig.startPostfix() }
        #expect(process.terminationStatus == 75, "some were accepted, the rest wait for the server")
        let queued = practice.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".json") }.count
        #expect(queued > 0, "the messages the server did not take are still queued")

        let down = try practice.paychase("send", "--queued", "--retry-now")
        #expect(down.status == 69, "the server cannot be reached at all")
        #expect(down.stderr.contains("could not connect to localhost:"))

        try rig.startPostfix()
        try finish(practice)
        try expectEachMessageOnce(practice, claims: 60, prefix: "S", serverWasStopped: true)
    }

    /// A send killed at any rename (drafts, the queue batch, the record's head after each entry,
    /// a message moving to sent/) leaves a record that verifies, and the next runs send each
    /// message once.
    @Test func aSendKilledAtAnyRenameLeavesARecordThatVerifies() throws {
        let claims = 3
        let counting = try SendingPractice()
        try counting.writeClaims(count: claims, prefix: "R")
        let traced = try Command.run(
            "/usr/bin/strace",
            [
                "-f", "-o", counting.folder.path + "/trace", "-e", "trace=rename", Command.paychase, "send", "chase", "--overdue", "--as-of",
                "2026-11-22",
            ],
            directory: counting.folder.path,
            environment: counting.folder.environment(counting.passwordEnvironment)
        )
        #expect(traced.status == 0, "\(traced.stderr)")
        let renames = try counting.folder.read("trace").split(separator: "\n").filter { $0.contains("rename(") }
        #expect(
            renames.filter { $0.contains("\"Outbox/deliveries.head\"") }.count == claims + 1,
            "the head is renamed into place once for the new record, then after each entry"
        )

        for when in 1...renames.count {
            let practice = try SendingPractice()
            try practice.writeClaims(count: claims, prefix: "R")
            let killed = try Command.run(
                "/usr/bin/strace",
                [
                    "-f", "-o", "/dev/null", "-e", "trace=rename", "-e", "inject=rename:signal=SIGKILL:when=\(when)", Command.paychase, "send",
                    "chase", "--overdue", "--as-of", "2026-11-22",
                ],
                directory: practice.folder.path,
                environment: practice.folder.environment(practice.passwordEnvironment)
            )
            #expect(killed.status != 0, "killed at rename \(when)")
            let verified = try practice.paychase("log", "--verify")
            #expect(verified.status == 0, "killed at rename \(when): \(verified.stderr)")
            if try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22").status != 0 {
                try finish(practice)
            }
            try expectEachMessageOnce(practice, claims: claims, prefix: "R", serverWasStopped: false)
        }
    }

    // MARK: - Helpers

    private func start(_ practice: SendingPractice, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Command.paychase)
        process.arguments = arguments
        process.currentDirectoryURL = practice.folder.url
        process.environment = practice.folder.environment(practice.passwordEnvironment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs paychase and SIGKILLs it once the delivery log has `lines` entries.
    private func launch(_ practice: SendingPractice, _ arguments: [String], killAtLogLines lines: Int) throws -> (killed: Bool, status: Int32) {
        let process = try start(practice, arguments)
        var killed = false
        while process.isRunning {
            if try logLines(practice) >= lines {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            Thread.sleep(forTimeInterval: 0.001)
        }
        process.waitUntilExit()
        return (killed, process.terminationStatus)
    }

    private func logLines(_ practice: SendingPractice) throws -> Int {
        guard let data = FileManager.default.contents(atPath: practice.folder.path + "/Outbox/deliveries.jsonl") else { return 0 }
        return data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    /// Settles what a kill left uncertain as the practice would (ask the recipient: here, look in
    /// the Maildir), then sends the rest.
    private func finish(_ practice: SendingPractice) throws {
        let rig = practice.rig
        try rig.waitUntilPostfixIdle()  // what Postfix accepted is in the Maildir before we look
        // Listing the queue finishes what the killed run left: the log's accepted go to sent/.
        #expect(try practice.paychase("queue").status == 0)
        for file in practice.folder.files(under: "Outbox/queue") where file.hasSuffix(".json") {
            let meta = try JSONSerialization.jsonObject(with: Data(try practice.folder.read(file).utf8)) as! [String: Any]
            guard meta["state"] as? String != "queued" else { continue }
            #expect(meta["state"] as? String == "uncertain")
            let messageID = meta["message_id"] as! String
            if rig.messageIDCounts(to: "nelicb.payments@nhs.example")[messageID, default: 0] > 0 {
                let confirmed = try practice.paychase("queue", "--delivered", meta["id"] as! String)
                #expect(confirmed.status == 0, "\(confirmed.stderr)")
            }
        }
        let rest = try practice.paychase("send", "--queued", "--retry-now", "--resend-uncertain")
        #expect(rest.status == 0, "\(rest.stdout)\(rest.stderr)")
        let left = practice.folder.files(under: "Outbox/queue")  // the lock is Outbox/.lock, never in here
        #expect(left.isEmpty, "still queued: \(left)")
    }

    /// Every message reached the Maildir, and PayChase handed each to the server exactly once.
    /// When Postfix itself was stopped mid-delivery it may deliver a message it had already
    /// written again after restarting: such copies carry the same Postfix queue id and are the
    /// server's, not a second send, so then the check is one queue id per message.
    private func expectEachMessageOnce(_ practice: SendingPractice, claims: Int, prefix: String, serverWasStopped: Bool) throws {
        let rig = practice.rig
        let sent = practice.folder.files(under: "Outbox/sent")
        #expect(sent.count == claims)
        var ids: [String] = []
        var claimIDs = Set<String>()
        for file in sent {
            let headers = try practice.folder.read(file).components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
            func value(_ name: String) -> String? {
                headers.first { $0.hasPrefix("\(name): ") }.map { String($0.dropFirst(name.count + 2)) }
            }
            ids.append(try #require(value("Message-ID")).trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
            claimIDs.insert(try #require(value("X-PayChase-Claim")))
        }
        #expect(claimIDs == Set((1...claims).map { "\(prefix)-\($0)" }), "every claim's message was sent")
        try rig.waitUntilPostfixIdle()
        let deadline = Date().addingTimeInterval(30)
        var copies = rig.acceptances(to: "nelicb.payments@nhs.example")
        while Date() < deadline, ids.contains(where: { copies[$0] == nil }) {
            Thread.sleep(forTimeInterval: 0.2)
            copies = rig.acceptances(to: "nelicb.payments@nhs.example")
        }
        let missing = ids.filter { copies[$0] == nil }
        let twice = ids.filter { id in
            let queueIDs = copies[id] ?? []
            return serverWasStopped ? Set(queueIDs).count > 1 : queueIDs.count > 1
        }
        #expect(missing.isEmpty, "never delivered: \(missing)")
        #expect(twice.isEmpty, "handed to the server more than once: \(twice.map { "\($0) \(copies[$0] ?? [])" })")
        let verify = try practice.paychase("log", "--verify")
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}
