import Foundation

/// A practice's working folder in a temporary directory, with the example profile and claims,
/// where `paychase` runs as a practice manager would run it.
public struct PracticeFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    public init() throws {
        url = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(
            at: TestPaths.examples.appendingPathComponent("paychase.yaml"),
            to: url.appendingPathComponent("paychase.yaml")
        )
        try FileManager.default.copyItem(at: TestPaths.examples.appendingPathComponent("claims.csv"), to: url.appendingPathComponent("claims.csv"))
    }

    public func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    public func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }

    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) }

    /// Every file under `folder`, relative to the practice folder, sorted.
    public func files(under folder: String) -> [String] {
        let base = url.appendingPathComponent(folder).path
        guard let items = FileManager.default.enumerator(atPath: base) else { return [] }
        return items.compactMap { $0 as? String }
            .filter { !FileManager.default.isDirectoryPath(base + "/" + $0) }
            .map { "\(folder)/\($0)" }.sorted()
    }

    /// Runs `paychase ARGS` in this folder; the environment has no PAYCHASE_TEMPLATES, so the
    /// built-in templates must be found from the binary.
    public func paychase(_ arguments: String..., environment extra: [String: String] = [:]) throws -> CommandResult {
        try paychase(arguments, environment: extra)
    }

    public func paychase(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        try Command.run(Command.paychase, arguments, directory: path, environment: environment(extra))
    }

    /// The environment `paychase` runs with here: no PAYCHASE_TEMPLATES, plus `extra`.
    public func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PAYCHASE_TEMPLATES"] = nil
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Adds an `smtp:` section to the profile.
    public func configureSMTP(
        url: String,
        username: String?,
        passwordLine: String? = "password_env: PAYCHASE_SMTP_PASSWORD",
        caFile: String?,
        auth: String = "PLAIN"
    ) throws {
        var section = "smtp:\n  url: \(url)\n  auth: \(auth)\n"
        if let username { section += "  username: \(username)\n" }
        if let passwordLine, username != nil { section += "  \(passwordLine)\n" }
        if let caFile { section += "  ca_file: \(caFile)\n" }
        try write("paychase.yaml", try read("paychase.yaml") + section)
    }
}

extension FileManager {
    /// True for an existing folder.
    public func isDirectoryPath(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
