import Foundation
import PayChaseDomain

/// The templates in use: the built-ins, with a practice's own folder overriding them by name.
public struct TemplateLibrary: Sendable {
    public static let fileExtension = "mustache"

    public private(set) var templates: [String: DocumentTemplate] = [:]
    /// Every template that could not be read, with where and why.
    public private(set) var problems: [TemplateError] = []

    /// Loads `*.mustache` from `builtins`, then from `overrides` (replacing same-named ones).
    public init(builtins: String, overrides: String?) {
        load(directory: builtins)
        if let overrides {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: overrides, isDirectory: &isDirectory), isDirectory.boolValue {
                load(directory: overrides)
            } else {
                problems.append(TemplateError(file: overrides, message: "is not a folder of templates"))
            }
        }
    }

    /// Built-in names first in their documented order, then the practice's own.
    public var names: [String] {
        DocumentName.all.filter { templates[$0] != nil } + templates.keys.filter { !DocumentName.all.contains($0) }.sorted()
    }

    public subscript(name: String) -> DocumentTemplate? { templates[name] }

    private mutating func load(directory: String) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in files.sorted() where file.hasSuffix(".\(Self.fileExtension)") {
            let name = String(file.dropLast(Self.fileExtension.count + 1))
            let path = (directory as NSString).appendingPathComponent(file)
            problems.removeAll { $0.file.hasSuffix("/\(file)") }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                problems.append(TemplateError(file: path, message: "cannot be read as UTF-8 text"))
                continue
            }
            do {
                templates[name] = try DocumentTemplate(name: name, file: path, text: text)
            } catch {
                templates[name] = nil
                problems.append(error)
            }
        }
    }
}
