import Foundation
import PayChaseTestSupport

/// A practice's working folder in a temporary directory, with the example profile and claims,
/// where `paychase` runs as a practice manager would run it.
struct PracticeFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(at: TestPaths.examples.appendingPathComponent("paychase.yaml"), to: url.appendingPathComponent("paychase.yaml"))
        try FileManager.default.copyItem(at: TestPaths.examples.appendingPathComponent("claims.csv"), to: url.appendingPathComponent("claims.csv"))
    }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) }

    /// Every file under `folder`, relative to the practice folder, sorted.
    func files(under folder: String) -> [String] {
        let base = url.appendingPathComponent(folder).path
        guard let items = FileManager.default.enumerator(atPath: base) else { return [] }
        return items.compactMap { $0 as? String }
            .filter { !FileManager.default.isDirectoryPath(base + "/" + $0) }
            .map { "\(folder)/\($0)" }.sorted()
    }

    /// Runs `paychase ARGS` in this folder; the environment has no PAYCHASE_TEMPLATES, so the
    /// built-in templates must be found from the binary.
    func paychase(_ arguments: String...) throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment
        environment["PAYCHASE_TEMPLATES"] = nil
        return try Command.run(Command.paychase, arguments, directory: path, environment: environment)
    }
}

extension FileManager {
    func isDirectoryPath(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
