import Foundation

/// Finds the built-in `Templates/` folder wherever `paychase` is run from.
public enum BuiltinTemplates {
    /// `PAYCHASE_TEMPLATES`, then a `Templates` folder beside or above the executable
    /// (a checkout's `.build/debug/paychase`), then `../share/paychase/Templates` (an install).
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = executablePath()
    ) -> String? {
        if let path = environment["PAYCHASE_TEMPLATES"], !path.isEmpty { return path }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let share = directory.appendingPathComponent("../share/paychase/Templates").standardizedFileURL.path
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Templates").path
            if FileManager.default.fileExists(atPath: candidate + "/chase.mustache") { return candidate }
            directory.deleteLastPathComponent()
        }
        return FileManager.default.fileExists(atPath: share + "/chase.mustache") ? share : nil
    }

    /// The running executable, from /proc on Linux.
    public static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
