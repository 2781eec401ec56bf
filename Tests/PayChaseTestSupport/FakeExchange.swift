import Foundation

/// A hand-written stand-in for Exchange Online's SMTP submission (fake_exchange_smtp.py), for the
/// answers no real server here gives on demand: 5.7.30, 5.7.139, 5.7.3 and SendAsDenied. Only
/// these failure tests use it; everything that works goes through the real Postfix and Dovecot.
public final class FakeExchange: @unchecked Sendable {
    public enum Mode: String, Sendable {
        case basicOff = "basic-off"
        case authDisabled = "auth-disabled"
        case wrongScope = "wrong-scope"
        case sendAsDenied = "send-as-denied"
    }

    private let process = Process()
    public let port: Int

    public init(_ mode: Mode, rig: MailRig) throws {
        let out = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestPaths.support.appendingPathComponent("fake_exchange_smtp.py").path, mode.rawValue, rig.caFile,
            "\(rig.directory)/key.pem",
        ]
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CommandFailure(
                result: CommandResult(status: -1, stdout: String(decoding: line, as: UTF8.self), stderr: "the fake server did not start")
            )
        }
        self.port = port
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
