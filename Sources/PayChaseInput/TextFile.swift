import Foundation

/// Reads a text file the way Excel and Notepad write them.
enum TextFile {
    /// UTF-8 (a BOM is dropped); Windows-1252 when the bytes are not UTF-8, as Excel's plain "CSV" is.
    static func read(_ path: String, kind: InputError.Kind) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            throw InputError(kind: kind, diagnostics: [Diagnostic(file: path, message: "the file \(reason)")])
        }
        return decode(data)
    }

    static func decode(_ data: Data) -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }
}
