import Crypto
import Foundation
import Hummingbird
import Mustache
import PayChaseJobs

/// The web service's pages: the Mustache templates in `Pages/` (HTML-escaped), each rendered into
/// the layout, whose one inline `<style>` the Content-Security-Policy allows by its SHA-256.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// `'sha256-…'`: the layout's style block, for `style-src`.
    let styleSource: String

    /// The pages in `folder` (`layout.mustache`, `dashboard.mustache`, ...).
    static func load(from folder: String) async throws(WebSetupError) -> PageRenderer {
        let library: MustacheLibrary
        do { library = try await MustacheLibrary(directory: folder) } catch {
            throw WebSetupError("\(folder): the page templates cannot be read: \(error)")
        }
        guard library.getTemplate(named: "layout") != nil,
            let text = try? String(contentsOfFile: "\(folder)/layout.mustache", encoding: .utf8),
            let open = text.range(of: "<style>"), let close = text.range(of: "</style>", range: open.upperBound..<text.endIndex)
        else {
            throw WebSetupError("\(folder): layout.mustache with a <style> block is missing")
        }
        let digest = SHA256.hash(data: Data(text[open.upperBound..<close.lowerBound].utf8))
        return PageRenderer(library: library, styleSource: "'sha256-\(Data(digest).base64EncodedString())'")
    }

    /// `PAYCHASE_PAGES`, then the resource folder SwiftPM puts beside the executable (or the test
    /// bundle), then `../share/paychase/Pages` for an install.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["PAYCHASE_PAGES"], !path.isEmpty { return path }
        let directory = URL(fileURLWithPath: BuiltinTemplates.executablePath()).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            directory.appendingPathComponent("PayChase_PayChaseWeb.resources/Pages").path,
            directory.appendingPathComponent("../share/paychase/Pages").standardizedFileURL.path,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/layout.mustache") }
    }

    /// `page` rendered with `model`, inside the layout.
    func response(_ page: String, _ model: Any, layout: Layout, status: HTTPResponse.Status = .ok) -> Response {
        response(content: render(page, model), layout: layout, status: status)
    }

    /// `page` rendered with `model`, without the layout.
    func render(_ page: String, _ model: Any) -> String {
        library.render(model, withTemplate: page) ?? ""
    }

    /// A page's content, already rendered, inside the layout.
    func response(content: String, layout: Layout, status: HTTPResponse.Status = .ok) -> Response {
        var layout = layout
        layout.content = content
        let html = library.render(layout, withTemplate: "layout") ?? ""
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}

/// What every page shows around its content: the title, the navigation, who is logged in.
struct Layout {
    var title: String
    var nav: [NavLink]
    var user: String?
    /// For the log-out form.
    var csrf: String?
    var flash: String?
    /// Seconds after which the page loads itself again (a sign-in being waited for); nil for never.
    var refresh: Int?
    var content = ""
}

struct NavLink {
    var id: String
    var label: String
    var href: String
    var current: Bool
}

/// The layout is rendered for every page: its fields are named here rather than found by
/// reflection (Mustache's `Mirror` fallback), which was most of a kept page's cost.
extension Layout: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "nav": nav
        case "user": user
        case "csrf": csrf
        case "flash": flash
        case "refresh": refresh
        case "content": content
        default: nil
        }
    }
}

extension NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}
