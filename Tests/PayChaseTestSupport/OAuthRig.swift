import Foundation
import Synchronization

/// The rig's identity provider (glewlwyd, started by scripts/mailrig), as the tests see it: a
/// real OAuth 2.0 server whose tokens Dovecot checks for IMAP and for Postfix's SMTP AUTH.
public struct OAuthRig: Sendable {
    public let issuer: String
    public let deviceURL: String
    public let tokenURL: String
    /// An instance whose access tokens last about four seconds.
    public let shortDeviceURL: String
    public let shortTokenURL: String
    public let revokeURL: String
    public let clientID: String
    public let confidentialClientID: String
    public let confidentialSecret: String
    public let scopes: [String]
    /// The person who signs in (also the mailbox, manager@riverside.example) and their password at the provider.
    public let user: String
    public let password: String
    /// Postfix's submission port that offers only XOAUTH2 / OAUTHBEARER: a server that refuses passwords.
    public let oauthOnlyPort: Int
    public let rig: MailRig

    public static func current() throws -> OAuthRig {
        let env = ProcessInfo.processInfo.environment
        func value(_ name: String) throws -> String {
            guard let value = env[name], !value.isEmpty else { throw MailRig.RigMissing() }
            return value
        }
        return OAuthRig(
            issuer: try value("PAYCHASE_RIG_OAUTH_ISSUER"),
            deviceURL: try value("PAYCHASE_RIG_OAUTH_DEVICE_URL"),
            tokenURL: try value("PAYCHASE_RIG_OAUTH_TOKEN_URL"),
            shortDeviceURL: try value("PAYCHASE_RIG_OAUTH_SHORT_DEVICE_URL"),
            shortTokenURL: try value("PAYCHASE_RIG_OAUTH_SHORT_TOKEN_URL"),
            revokeURL: try value("PAYCHASE_RIG_OAUTH_REVOKE_URL"),
            clientID: try value("PAYCHASE_RIG_OAUTH_CLIENT_ID"),
            confidentialClientID: try value("PAYCHASE_RIG_OAUTH_CONFIDENTIAL_CLIENT_ID"),
            confidentialSecret: try value("PAYCHASE_RIG_OAUTH_CONFIDENTIAL_SECRET"),
            scopes: try value("PAYCHASE_RIG_OAUTH_SCOPES").split(separator: " ").map(String.init),
            user: try value("PAYCHASE_RIG_OAUTH_USER"),
            password: try value("PAYCHASE_RIG_OAUTH_PASSWORD"),
            oauthOnlyPort: Int(try value("PAYCHASE_RIG_OAUTHONLY_PORT")) ?? 0,
            rig: try MailRig.current()
        )
    }

    /// The `oauth:` section for this provider; `short` uses the instance with four-second tokens.
    public func profileSection(short: Bool = false, grant: String? = nil) -> String {
        var section = """
            oauth:
              provider: other
              client_id: \(grant == "client_credentials" ? confidentialClientID : clientID)
              device_authorization_url: \(short ? shortDeviceURL : deviceURL)
              token_url: \(short ? shortTokenURL : tokenURL)
              scopes: [\(scopes.joined(separator: ", "))]
              ca_file: \(rig.caFile)

            """
        if let grant { section += "  grant: \(grant)\n  client_secret_env: PAYCHASE_OAUTH_SECRET\n" }
        return section
    }

    /// Approves (or declines) a device code as a person does: the provider's own page in headless
    /// Chromium, signing in as the rig's user and entering the code.
    public func approve(url: String, code: String, deny: Bool = false) throws {
        var arguments = [
            "python3", TestPaths.repository.appendingPathComponent("Tests/Browser/approve_device.py").path, "--url", url, "--code", code,
            "--user", user, "--password", password, "--ca", rig.caFile,
        ]
        if deny { arguments.append("--deny") }
        // One browser at a time: two Chromiums at once on two cores make each page time out.
        let result = try Self.browser.withLock { _ in try Command.run("/usr/bin/env", arguments + ["--timeout", "60"]) }
        guard result.status == 0 else {
            throw CommandFailure(
                result: CommandResult(status: result.status, stdout: result.stdout, stderr: "approve_device.py: \(result.stdout)\(result.stderr)")
            )
        }
    }

    private static let browser = Mutex(())

    /// Revokes a refresh token at the provider (RFC 7009), as signing out everywhere or a changed password does.
    public func revoke(refreshToken: String) throws {
        let script = #"""
            import json, os, ssl, sys, urllib.parse, urllib.request
            url, token, client, secret, ca = sys.argv[1:6]
            data = urllib.parse.urlencode({"token": token, "token_type_hint": "refresh_token"}).encode()
            request = urllib.request.Request(url, data=data)
            import base64
            request.add_header("Authorization", "Basic " + base64.b64encode(f"{client}:{secret}".encode()).decode())
            with urllib.request.urlopen(request, context=ssl.create_default_context(cafile=ca)) as answer:
                print(answer.status)
            """#
        let result = try Command.run(
            "/usr/bin/env",
            ["python3", "-c", script, revokeURL, refreshToken, confidentialClientID, confidentialSecret, rig.caFile]
        )
        guard result.status == 0 else { throw CommandFailure(result: result) }
    }
}

/// `paychase mailbox connect` running, read line by line as a person reads the terminal: the
/// link and the code, then (once approved) that it is connected.
public final class ConnectingCommand: @unchecked Sendable {
    private let process = Process()
    private let out = Pipe()
    private let err = Pipe()
    private var printed = Data()

    public init(directory: String, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: Command.paychase)
        process.arguments = ["mailbox", "connect"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The link and code it printed (waits for them, at most `timeout` seconds).
    public func linkAndCode(timeout: TimeInterval = 60) throws -> (url: String, code: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = String(decoding: printed, as: UTF8.self)
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if let codeLine = lines.first(where: { $0.hasPrefix("and enter the code:") }),
                let url = lines.first(where: { $0.hasPrefix("https://") })
            {
                return (url, codeLine.replacingOccurrences(of: "and enter the code:", with: "").trimmingCharacters(in: .whitespaces))
            }
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed.append(chunk)
        }
        process.terminate()
        throw CommandFailure(result: finish())
    }

    /// Waits for it to end: what it printed and how it exited.
    @discardableResult
    public func finish() -> CommandResult {
        printed.append(out.fileHandleForReading.readDataToEndOfFile())
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: printed, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self)
        )
    }
}
