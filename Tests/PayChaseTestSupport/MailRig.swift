import Foundation

/// The private Postfix + Dovecot that `scripts/test` starts (scripts/mailrig), as the tests see it.
public struct MailRig: Sendable {
    public let directory: String
    public let submissionPort: Int
    public let smtpsPort: Int
    public let noAuthPort: Int
    public let plainPort: Int
    public let imapPort: Int
    /// Dovecot's IMAP with implicit TLS; `imapPort` takes STARTTLS. Neither allows a login without TLS.
    public let imapsPort: Int
    public let caFile: String
    public let mailRoot: String
    public let username: String
    public let password: String

    /// The running rig, or an error telling how to start one.
    public static func current() throws -> MailRig { try MailRig(environment: ProcessInfo.processInfo.environment) }

    /// A rig of the test's own, for a test that stops its Postfix (which would cut off every
    /// other test using the shared one). `stop()` it when done.
    public static func startPrivate() throws -> MailRig {
        let directory = try TestPaths.temporaryDirectory().path
        // The daemons inherit the start script's descriptors, and this process has pipes open for
        // other tests' commands: every descriptor past stderr is closed first, and the output goes
        // to a file, so no pipe is held open by a daemon and no reader waits for ever.
        let start = #"""
            for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done
            "$0" start "$1" > "$1/start.log" 2>&1 < /dev/null
            """#
        let started = try Command.run("/bin/bash", ["-c", start, Self.script, directory])
        guard started.status == 0 else {
            let log = (try? String(contentsOfFile: "\(directory)/start.log", encoding: .utf8)) ?? ""
            throw CommandFailure(result: CommandResult(status: started.status, stdout: "", stderr: log))
        }
        let result = try Command.run("/bin/bash", ["-c", #"set -a; . "$0/env"; env -0"#, directory])
        var environment: [String: String] = [:]
        for pair in result.stdout.split(separator: "\0") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { environment[String(parts[0])] = String(parts[1]) }
        }
        return try MailRig(environment: environment)
    }

    /// Stops a rig started by `startPrivate`.
    public func stop() { _ = try? Command.run("/bin/bash", [Self.script, "stop", directory]) }

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
            let queueID =
                words.firstIndex(of: "id").flatMap { words.index(after: $0) < words.endIndex ? String(words[words.index(after: $0)]) : nil } ?? "?"
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

    /// Hands `message` to Postfix over SMTP (STARTTLS and AUTH on the submission port), as the
    /// recipient's mail client sends a read receipt or a reply: Postfix delivers it to `to`.
    public func submit(_ message: [UInt8], from: String, to: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paychase-submit-\(UUID().uuidString).eml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(message).write(to: file)
        let script = """
            import smtplib, ssl, sys
            with open(sys.argv[1], "rb") as f:
                data = f.read()
            with smtplib.SMTP("127.0.0.1", int(sys.argv[2])) as smtp:
                smtp.starttls(context=ssl.create_default_context(cafile=sys.argv[3]))
                smtp.login(sys.argv[4], sys.argv[5])
                smtp.sendmail(sys.argv[6], [sys.argv[7]], data)
            """
        let result = try Command.run(
            "/usr/bin/env",
            ["python3", "-c", script, file.path, String(submissionPort), caFile, username, password, from, to]
        )
        guard result.status == 0 else { throw CommandFailure(result: result) }
    }

    // Reading and filing mail over IMAP, as a mail client does: Dovecot refuses a login without TLS,
    // so every helper below goes through `imap(user:_:_:)` (STARTTLS with the rig's certificate as CA,
    // then LOGIN with the rig's password for the mailbox, `imap-` and its local part).

    /// Reads a mailbox over IMAP from Dovecot (Python's imaplib): the subjects of every message.
    public func imapSubjects(user: String) throws -> [String] {
        let output = try imap(
            user: user,
            #"""
            import email, email.policy, json
            box.select("INBOX", readonly=True)
            _, ids = box.search(None, "ALL")
            subjects = []
            for i in ids[0].split():
                _, data = box.fetch(i, "(BODY.PEEK[HEADER])")
                subjects.append(str(email.message_from_bytes(data[0][1], policy=email.policy.default)["Subject"]))
            print(json.dumps(subjects))
            """#
        )
        return try JSONDecoder().decode([String].self, from: Data(output.utf8))
    }

    /// Puts `message` (the raw bytes of a whole message) into `user`'s INBOX with IMAP APPEND, the
    /// way a mail client files one (bare line feeds go over the wire as CRLF); `seen` files it as read.
    public func imapAppend(user: String, message: [UInt8], seen: Bool = false) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paychase-append-\(UUID().uuidString).eml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(message).write(to: file)
        _ = try imap(
            user: user,
            #"""
            with open(sys.argv[5], "rb") as f:
                status, data = box.append("INBOX", sys.argv[6] or None, None, f.read())
            if status != "OK":
                sys.exit("APPEND refused: %r" % data)
            """#,
            [file.path, seen ? #"\Seen"# : ""]
        )
    }

    /// Creates `folder` in `user`'s mailbox and files every one of `messages` into it with IMAP
    /// APPEND over one connection, in order (a folder of ASCII letters, digits and dashes).
    public func imapAppendAll(user: String, folder: String, messages: [[UInt8]]) throws {
        try imapAppend(user: user, folder: folder, messages: messages, create: true)
    }

    /// Files `messages` into `user`'s existing `folder` over one connection, in order.
    public func imapAppendOnly(user: String, folder: String, messages: [[UInt8]]) throws {
        try imapAppend(user: user, folder: folder, messages: messages, create: false)
    }

    private func imapAppend(user: String, folder: String, messages: [[UInt8]], create: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paychase-append-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, message) in messages.enumerated() {
            try Data(message).write(to: directory.appendingPathComponent(String(format: "%05d.eml", index)))
        }
        _ = try imap(
            user: user,
            #"""
            import os
            folder, directory = sys.argv[5], sys.argv[6]
            if sys.argv[7] == "create":
                status, data = box.create(folder)
                if status != "OK":
                    sys.exit("CREATE refused: %r" % data)
            for name in sorted(os.listdir(directory)):
                with open(os.path.join(directory, name), "rb") as f:
                    status, data = box.append(folder, None, None, f.read())
                if status != "OK":
                    sys.exit("APPEND of %s refused: %r" % (name, data))
            """#,
            [folder, directory.path, create ? "create" : "existing"]
        )
    }

    /// How many messages `user`'s INBOX holds, read over IMAP.
    public func imapMessageCount(user: String) throws -> Int {
        let output = try imap(
            user: user,
            #"""
            status, data = box.select("INBOX", readonly=True)
            if status != "OK":
                sys.exit("SELECT INBOX refused: %r" % data)
            print(int(data[0]))
            """#
        )
        return try JSONDecoder().decode(Int.self, from: Data(output.utf8))
    }

    /// For each message in `user`'s INBOX, in UID order, whether it has the \Seen flag. The mailbox
    /// is opened read-only, so looking does not mark anything read.
    public func imapSeenFlags(user: String, folder: String = "INBOX") throws -> [Bool] {
        let output = try imap(
            user: user,
            #"""
            import json, re
            box.select(sys.argv[5], readonly=True)
            _, data = box.uid("SEARCH", None, "ALL")
            uids = data[0].split()
            seen = {}
            if uids:
                _, data = box.uid("FETCH", b",".join(uids).decode(), "(FLAGS)")
                for line in data:
                    line = line[0] if isinstance(line, tuple) else line
                    uid, flags = re.search(rb"UID (\d+)", line or b""), re.search(rb"FLAGS \(([^)]*)\)", line or b"")
                    if uid and flags:
                        seen[int(uid.group(1))] = b"\\Seen" in flags.group(1).split()
            missing = [u for u in uids if int(u) not in seen]
            if missing:
                sys.exit("no FLAGS for UIDs %r" % missing)
            print(json.dumps([seen[int(u)] for u in sorted(uids, key=int)]))
            """#,
            [folder]
        )
        return try JSONDecoder().decode([Bool].self, from: Data(output.utf8))
    }

    /// How many messages `user`'s folder `folder` holds (IMAP STATUS), or 0 when there is no such
    /// folder. Folder names are as the client shows them ("Sent", "Bounces/2024"); non-ASCII names
    /// are sent in IMAP's modified UTF-7.
    public func imapFolderCount(user: String, folder: String) throws -> Int {
        let output = try imap(
            user: user,
            #"""
            import base64, re
            def mailbox_name(name):
                out, run = [], []
                def flush():
                    if run:
                        out.append("&" + base64.b64encode("".join(run).encode("utf-16-be")).decode().rstrip("=").replace("/", ",") + "-")
                        run.clear()
                for ch in name:
                    if " " <= ch <= "~":
                        flush()
                        out.append("&-" if ch == "&" else ch)
                    else:
                        run.append(ch)
                flush()
                return '"' + "".join(out).replace("\\", "\\\\").replace('"', '\\"') + '"'
            status, data = box.status(mailbox_name(sys.argv[5]), "(MESSAGES)")
            if status != "OK":
                print(0)
            else:
                found = re.search(rb"MESSAGES (\d+)", data[0] or b"")
                if not found:
                    sys.exit("STATUS without MESSAGES: %r" % data)
                print(int(found.group(1)))
            """#,
            [folder]
        )
        return try JSONDecoder().decode(Int.self, from: Data(output.utf8))
    }

    /// Waits until `user`'s INBOX holds a message whose raw bytes (as IMAP serves them, lines ending
    /// in CRLF) contain `text`, polling over one IMAP session; false when `timeout` passes first.
    public func waitForMessage(user: String, containing text: String, timeout: TimeInterval = 15) throws -> Bool {
        let output = try imap(
            user: user,
            #"""
            import os, time
            needle, deadline = os.fsencode(sys.argv[5]), time.monotonic() + float(sys.argv[6])
            checked, found = 0, False
            while True:
                box.select("INBOX", readonly=True)
                _, data = box.uid("SEARCH", None, "UID %d:*" % (checked + 1))
                for uid in sorted(int(u) for u in data[0].split()):
                    if uid > checked and not found:
                        _, parts = box.uid("FETCH", str(uid), "(BODY.PEEK[])")
                        found = any(isinstance(part, tuple) and needle in part[1] for part in parts)
                        checked = uid
                if found or time.monotonic() >= deadline:
                    break
                time.sleep(0.2)
            print("true" if found else "false")
            """#,
            [text, String(timeout)]
        )
        return try JSONDecoder().decode(Bool.self, from: Data(output.utf8))
    }

    /// The Message-ID (bare) of every message in `user`'s `folder`, read-only, in UID order.
    public func imapMessageIDs(user: String, folder: String) throws -> [String] {
        let output = try imap(
            user: user,
            #"""
            import email, json
            status, _ = box.select('"%s"' % sys.argv[5], readonly=True)
            ids = []
            if status == "OK":
                _, data = box.uid("SEARCH", None, "ALL")
                for uid in data[0].split():
                    _, parts = box.uid("FETCH", uid.decode(), "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
                    header = email.message_from_bytes(parts[0][1])
                    ids.append((header["Message-ID"] or "").strip().strip("<>"))
            print(json.dumps(ids))
            """#,
            [folder]
        )
        return try JSONDecoder().decode([String].self, from: Data(output.utf8))
    }

    /// One message in `user`'s `folder`, found by its Message-ID: whether it is flagged \Seen, and
    /// the SHA-256 of its bytes as the server serves them.
    public func imapMessage(user: String, folder: String, messageID: String) throws -> (seen: Bool, sha256: String) {
        let output = try imap(
            user: user,
            #"""
            import hashlib, json, re
            box.select('"%s"' % sys.argv[5], readonly=True)
            _, data = box.uid("SEARCH", None, "HEADER", "Message-ID", "<%s>" % sys.argv[6])
            uids = data[0].split()
            if len(uids) != 1:
                sys.exit("found %d messages with that Message-ID" % len(uids))
            _, parts = box.uid("FETCH", uids[0].decode(), "(FLAGS BODY.PEEK[])")
            head, body = parts[0]
            print(json.dumps({"seen": b"\\Seen" in head, "sha256": hashlib.sha256(body).hexdigest()}))
            """#,
            [folder, messageID]
        )
        struct Found: Decodable {
            var seen: Bool
            var sha256: String
        }
        let found = try JSONDecoder().decode(Found.self, from: Data(output.utf8))
        return (found.seen, found.sha256)
    }

    /// Runs the Python `body` with `box`, an imaplib connection logged in to `user`'s mailbox over
    /// STARTTLS on `imapPort`, and `arguments` as `sys.argv[5...]`; returns what it printed. A failure
    /// (refused login, a `sys.exit` with a message) throws with Python's error output.
    private func imap(user: String, _ body: String, _ arguments: [String] = []) throws -> String {
        let local = user.split(separator: "@").first.map(String.init) ?? user
        let script = """
            import imaplib, ssl, sys
            box = imaplib.IMAP4("127.0.0.1", int(sys.argv[4]))
            box.starttls(ssl_context=ssl.create_default_context(cafile=sys.argv[3]))
            box.login(sys.argv[1], sys.argv[2])
            \(body)
            box.logout()
            """
        let result = try Command.run(
            "/usr/bin/env",
            ["python3", "-c", script, user, "imap-\(local)", caFile, String(imapPort)] + arguments
        )
        guard result.status == 0 else { throw CommandFailure(result: result) }
        return result.stdout
    }
}

extension MailRig {
    /// The rig a `scripts/mailrig start` wrote into `env`.
    init(environment env: [String: String]) throws {
        guard let directory = env["PAYCHASE_RIG_DIR"], let password = env["PAYCHASE_RIG_SMTP_PASSWORD"] else {
            throw RigMissing()
        }
        func port(_ name: String) -> Int { Int(env[name] ?? "") ?? 0 }
        self = MailRig(
            directory: directory,
            submissionPort: port("PAYCHASE_RIG_SUBMISSION_PORT"),
            smtpsPort: port("PAYCHASE_RIG_SMTPS_PORT"),
            noAuthPort: port("PAYCHASE_RIG_NOAUTH_PORT"),
            plainPort: port("PAYCHASE_RIG_PLAIN_PORT"),
            imapPort: port("PAYCHASE_RIG_IMAP_PORT"),
            imapsPort: port("PAYCHASE_RIG_IMAPS_PORT"),
            caFile: env["PAYCHASE_RIG_CA"] ?? "",
            mailRoot: env["PAYCHASE_RIG_MAIL"] ?? "",
            username: env["PAYCHASE_RIG_SMTP_USER"] ?? "",
            password: password
        )
    }
}
