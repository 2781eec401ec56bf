import Foundation

/// The private Postfix + Dovecot that `scripts/test` starts (scripts/mailrig), as the tests see it.
public struct MailRig: Sendable {
    public let directory: String
    public let submissionPort: Int
    public let smtpsPort: Int
    public let noAuthPort: Int
    public let plainPort: Int
    public let imapPort: Int
    public let caFile: String
    public let mailRoot: String
    public let username: String
    public let password: String

    /// The running rig, or an error telling how to start one.
    public static func current() throws -> MailRig {
        let env = ProcessInfo.processInfo.environment
        guard let directory = env["PAYCHASE_RIG_DIR"], let password = env["PAYCHASE_RIG_SMTP_PASSWORD"] else {
            throw RigMissing()
        }
        func port(_ name: String) -> Int { Int(env[name] ?? "") ?? 0 }
        return MailRig(
            directory: directory, submissionPort: port("PAYCHASE_RIG_SUBMISSION_PORT"), smtpsPort: port("PAYCHASE_RIG_SMTPS_PORT"),
            noAuthPort: port("PAYCHASE_RIG_NOAUTH_PORT"), plainPort: port("PAYCHASE_RIG_PLAIN_PORT"),
            imapPort: port("PAYCHASE_RIG_IMAP_PORT"), caFile: env["PAYCHASE_RIG_CA"] ?? "",
            mailRoot: env["PAYCHASE_RIG_MAIL"] ?? "", username: env["PAYCHASE_RIG_SMTP_USER"] ?? "", password: password
        )
    }

    public struct RigMissing: Error, CustomStringConvertible {
        public var description: String { "no mail rig: run the tests with ./scripts/test, which starts Postfix and Dovecot" }
    }

    /// The raw files delivered to `address` (Maildir new/ and cur/).
    public func deliveredFiles(to address: String) -> [String] {
        let parts = address.split(separator: "@")
        let box = "\(mailRoot)/\(parts[1])/\(parts[0])"
        return ["new", "cur"].flatMap { folder -> [String] in
            let path = "\(box)/\(folder)"
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).map { "\(path)/\($0)" }
        }
    }

    /// How many delivered copies each Message-ID has in `address`'s Maildir.
    public func messageIDCounts(to address: String) -> [String: Int] {
        acceptances(to: address).mapValues(\.count)
    }

    /// For each Message-ID, the Postfix queue id of every delivered copy (from the topmost
    /// Received header). Two copies with one queue id are Postfix delivering again after being
    /// stopped mid-delivery; two queue ids mean the client handed the message over twice.
    public func acceptances(to address: String) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for file in deliveredFiles(to: address) {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            var fields: [String] = []
            for line in (text.components(separatedBy: "\n\n").first ?? "").split(separator: "\n") {
                if line.first == " " || line.first == "\t", !fields.isEmpty {
                    fields[fields.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    fields.append(String(line))
                }
            }
            guard let idField = fields.first(where: { $0.lowercased().hasPrefix("message-id:") }) else { continue }
            let id = idField.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            let received = fields.first { $0.lowercased().hasPrefix("received:") } ?? ""
            let words = received.split(separator: " ")
            let queueID = words.firstIndex(of: "id").flatMap { words.index(after: $0) < words.endIndex ? String(words[words.index(after: $0)]) : nil } ?? "?"
            found[id, default: []].append(queueID.trimmingCharacters(in: CharacterSet(charactersIn: ";")))
        }
        return found
    }

    /// Waits until Postfix has delivered `count` more files to `address` than `before`.
    public func waitForDelivery(to address: String, count: Int, timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if deliveredFiles(to: address).count >= count { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Waits until Postfix has delivered everything it accepted (its queue is empty).
    public func waitUntilPostfixIdle(timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let queue = try Command.run("/usr/sbin/postqueue", ["-c", "\(directory)/postfix", "-p"])
            if queue.stdout.contains("Mail queue is empty") { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Postfix's own log, to see which session received which message.
    public var postfixLog: String { (try? String(contentsOfFile: "\(directory)/postfix/log/maillog", encoding: .utf8)) ?? "" }

    public func stopPostfix() throws { _ = try Command.run("/bin/bash", [Self.script, "postfix-stop", directory]) }
    public func startPostfix() throws { _ = try Command.run("/bin/bash", [Self.script, "postfix-start", directory]) }

    static var script: String { TestPaths.repository.appendingPathComponent("scripts/mailrig").path }

    /// Reads a mailbox over IMAP from Dovecot (Python's imaplib): the subjects of every message.
    public func imapSubjects(user: String) throws -> [String] {
        let local = user.split(separator: "@").first.map(String.init) ?? user
        let script = """
            import imaplib, email, email.policy, json, sys
            box = imaplib.IMAP4("127.0.0.1", \(imapPort))
            box.login(sys.argv[1], sys.argv[2])
            box.select("INBOX", readonly=True)
            _, ids = box.search(None, "ALL")
            subjects = []
            for i in ids[0].split():
                _, data = box.fetch(i, "(BODY.PEEK[HEADER])")
                subjects.append(str(email.message_from_bytes(data[0][1], policy=email.policy.default)["Subject"]))
            box.logout()
            print(json.dumps(subjects))
            """
        let result = try Command.run("/usr/bin/env", ["python3", "-c", script, user, "imap-\(local)"])
        guard result.status == 0 else { throw CommandFailure(result: result) }
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }
}
