import Foundation

/// `paychase serve` running on a loopback port for a practice folder, read with curl.
public final class RunningServer {
    public let process = Process()
    public let output = Pipe()
    /// `http://127.0.0.1:PORT`.
    public private(set) var url = ""

    /// Starts it with `environment` and waits (up to 20 s) until it says where it listens.
    public init(folder: PracticeFolder, environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Command.paychase)
        process.arguments = ["serve", "--listen", "127.0.0.1:0"]
        process.currentDirectoryURL = folder.url
        process.environment = environment ?? folder.environment()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("PayChase is serving"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PayChase is serving http://127.0.0.1:") }) else {
            process.terminate()
            throw CommandFailure(result: CommandResult(status: -1, stdout: text, stderr: "paychase serve did not say where it listens"))
        }
        url = String(line.dropFirst("PayChase is serving ".count))
    }

    /// The body of `path`, fetched with curl.
    public func get(_ path: String) throws -> String { try Command.run("/usr/bin/curl", ["-s", url + path]).stdout }

    /// Stops it with SIGTERM and returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}
