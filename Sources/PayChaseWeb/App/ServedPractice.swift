import Foundation
import PayChaseJobs

/// One practice the web service serves: its folder (profile, claims, Outbox) and where its pages
/// and JSON live. A single practice is served at `/` and `/api`; with `--practices DIR`, each
/// sub-folder is served at `/practices/NAME` and `/api/practices/NAME`.
public struct ServedPractice: Sendable {
    /// The folder's name, used in URLs; empty for the single practice.
    public var slug: String
    public var workspace: Workspace
    /// Where its Outbox keeps the web service's own files (used form keys).
    public var webFolder: String { "\(workspace.outbox.root)/web" }

    public init(slug: String, workspace: Workspace) {
        self.slug = slug
        var workspace = workspace
        workspace.noClaimsFileIsNoClaims = true
        self.workspace = workspace
    }

    /// The workspace with what it records said to be by the request's signed-in user (or, on a
    /// loopback service without sign-in, `web (no sign-in)`).
    func workspace(by context: WebContext) -> Workspace {
        var workspace = workspace
        workspace.outbox.actor = context.identity?.name ?? Self.unsignedActor
        return workspace
    }

    /// Who the web pages' entries are by when nobody signs in (loopback only).
    static let unsignedActor = "web (no sign-in)"
    /// Who the worker's own entries are by (sends it retries, receipts it reads, copies it files).
    static let workerActor = "worker"

    /// `""` for the single practice, `/practices/riverside` otherwise: pages start here.
    public var pagePath: String { slug.isEmpty ? "" : "/practices/\(slug)" }
    /// `/api` or `/api/practices/riverside`.
    public var apiPath: String { slug.isEmpty ? "/api" : "/api/practices/\(slug)" }

    /// The practice in `folder` (`Workspace.inFolder`).
    public static func inFolder(_ folder: String, slug: String, builtinTemplates: String) -> ServedPractice {
        ServedPractice(slug: slug, workspace: .inFolder(folder, builtinTemplatesPath: builtinTemplates))
    }

    /// Every practice folder of `directory` (`Workspace.practiceFolders`), by name.
    public static func all(in directory: String, builtinTemplates: String) throws(WebSetupError) -> [ServedPractice] {
        let folders: [(name: String, workspace: Workspace)]
        do { folders = try Workspace.practiceFolders(in: directory, builtinTemplatesPath: builtinTemplates) } catch {
            throw WebSetupError("--practices \(error.problems.map(\.description).joined(separator: "; "))")
        }
        let practices = folders.map { ServedPractice(slug: $0.name, workspace: $0.workspace) }
        for practice in practices where !practice.slug.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw WebSetupError(
                "--practices \(directory): the folder name '\(practice.slug)' is used in web addresses, so it may have only letters, digits, - and _"
            )
        }
        return practices
    }
}
