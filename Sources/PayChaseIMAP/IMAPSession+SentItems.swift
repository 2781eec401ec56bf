import PayChaseCurl
import PayChaseTransport

/// Filing a copy of what was sent in the mailbox's sent folder, as a mail client does (Exchange
/// does not file mail submitted over SMTP).
extension IMAPSession {
    /// The folder the server marks `\Sent` (RFC 6154 SPECIAL-USE), or nil when it marks none or
    /// does not say.
    public func sentFolder() -> String? {
        guard let responses = try? run(#"LIST "" "*" RETURN (SPECIAL-USE)"#, in: nil) else { return nil }
        for response in responses where response.text.hasPrefix("* LIST ") {
            guard let open = response.text.firstIndex(of: "("), let close = response.text.firstIndex(of: ")"), open < close,
                response.text[response.text.index(after: open)..<close].split(separator: " ")
                    .contains(where: { $0.caseInsensitiveCompare("\\Sent") == .orderedSame })
            else { continue }
            if let literal = response.literals.last { return String(decoding: literal, as: UTF8.self) }
            return Self.lastMailboxName(String(response.text[response.text.index(after: close)...]))
        }
        return nil
    }

    /// Whether `folder` holds a message with this Message-ID (bare, without angle brackets);
    /// false when the folder does not exist yet.
    public func contains(messageID: String, in folder: String) throws(MailServerError) -> Bool {
        guard try folderExists(folder) else { return false }
        let responses = try run("UID SEARCH HEADER Message-ID \(Self.quoted("<\(messageID)>"))", in: folder)
        return responses.contains { $0.text.hasPrefix("* SEARCH") && $0.text.split(separator: " ").count > 2 }
    }

    /// Files the exact bytes of `message` in `folder`, flagged \Seen, creating the folder the first time.
    public func append(_ message: [UInt8], to folder: String) throws(MailServerError) {
        if !(try folderExists(folder)) {
            _ = try run("CREATE \(Self.quoted(folder))", in: nil)
            knownFolders.insert(folder)
        }
        _ = try run("APPEND", in: folder, upload: message)
    }

    /// Asked of the server once per folder a session: a folder, once there, stays.
    private func folderExists(_ folder: String) throws(MailServerError) -> Bool {
        if knownFolders.contains(folder) { return true }
        let exists = try run("LIST \"\" \(Self.quoted(folder))", in: nil).contains { $0.text.hasPrefix("* LIST ") }
        if exists { knownFolders.insert(folder) }
        return exists
    }

    /// The mailbox name at the end of a LIST response, after its delimiter: `"/" "Sent Items"` or `"/" Sent`.
    static func lastMailboxName(_ rest: String) -> String? {
        var text = Substring(rest).drop { $0 == " " }
        // The hierarchy delimiter: a quoted character or NIL.
        if text.hasPrefix("\"") {
            guard let end = text.dropFirst().firstIndex(of: "\"") else { return nil }
            text = text[text.index(after: end)...]
        } else if text.uppercased().hasPrefix("NIL") {
            text = text.dropFirst(3)
        }
        text = text.drop { $0 == " " }
        guard text.hasPrefix("\"") else { return text.isEmpty ? nil : String(text) }
        var name = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                name.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                name.append(character)
            }
        }
        return name
    }
}
