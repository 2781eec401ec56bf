import Foundation
import PayChaseJobs

/// One practice the service serves: its folder (profile, claims, Outbox) and where its pages
/// and JSON live. A single practice is served at `/` and `/api`; with `--practices DIR`, each
/// sub-folder is served at `/practices/NAME` and `/api/practices/NAME`.
public struct Practice: Sendable {
    /// The folder's name, used in URLs; empty for the single practice.
    public var slug: String
    public var workspace: Workspace
    /// Where its Outbox keeps the service's own files (used form keys).
    public var webFolder: String { "\(workspace.outbox.root)/web" }

    public init(slug: String, workspace: Workspace) {
        self.slug = slug
        self.workspace = workspace
    }

    /// `""` for the single practice, `/practices/riverside` otherwise: pages start here.
    public var pagePath: String { slug.isEmpty ? "" : "/practices/\(slug)" }
    /// `/api` or `/api/practices/riverside`.
    public var apiPath: String { slug.isEmpty ? "/api" : "/api/practices/\(slug)" }

    /// The practice in `folder` laid out as the command line expects: paychase.yaml, claims.csv, Outbox/.
    public static func inFolder(_ folder: String, slug: String, builtinTemplates: String) -> Practice {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let templates = "\(base)/templates"
        return Practice(
            slug: slug,
            workspace: Workspace(
                configPath: "\(base)/paychase.yaml",
                claimsPath: "\(base)/claims.csv",
                templatesPath: FileManager.default.fileExists(atPath: templates) ? templates : nil,
                builtinTemplatesPath: builtinTemplates,
                outboxPath: "\(base)/Outbox"
            )
        )
    }

    /// Every sub-folder of `directory` with a paychase.yaml, by name.
    public static func all(in directory: String, builtinTemplates: String) throws(ServiceSetupError) -> [Practice] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ServiceSetupError("--practices \(directory): the folder does not exist or cannot be read")
        }
        let practices = names.sorted().filter { name in
            !name.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(directory)/\(name)/paychase.yaml")
        }.map { inFolder("\(directory)/\($0)", slug: $0, builtinTemplates: builtinTemplates) }
        guard !practices.isEmpty else {
            throw ServiceSetupError(
                "--practices \(directory): no sub-folder has a paychase.yaml; give each practice its own folder with paychase.yaml, claims.csv and Outbox/"
            )
        }
        for practice in practices where !practice.slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ServiceSetupError(
                "--practices \(directory): the folder name '\(practice.slug)' is used in web addresses, so it may have only letters, digits, - and _"
            )
        }
        return practices
    }
}
