import Foundation
import Logging
import PayChaseDomain
import PayChaseOutbox
import PayChasePrint

/// `paychase print`: each chosen claim's letter as an A4 PDF in `Outbox/letters/`, and, given a
/// printer, handed to CUPS with `lp`.
public struct PrintJob: Sendable {
    public var workspace: Workspace
    public var template: String
    public var selection: ClaimSelection
    public var asOf: CalendarDate
    /// A CUPS printer name; nil to only write the PDFs.
    public var printer: String?
    /// PDF to print, or Word to change before printing (not sent to a printer).
    public var format = LetterFormat.pdf

    public init(workspace: Workspace, template: String, selection: ClaimSelection, asOf: CalendarDate, printer: String?) {
        self.workspace = workspace
        self.template = template
        self.selection = selection
        self.asOf = asOf
        self.printer = printer
    }

    public func run(logger: Logger) throws(PayChaseError) -> DraftResult {
        if let printer { try Self.checkPrinterName(printer) }
        if printer != nil && format == .docx {
            throw PayChaseError(.usage, "--printer prints PDFs: write the Word letters, change them, then print them from Word")
        }
        let letterhead = try workspace.letterhead(for: format)
        let format = format
        var written: [String] = []
        let files = AtomicBatch(limit: 64)
        let batch = DocumentBatch(
            workspace: workspace,
            template: template,
            selection: selection,
            asOf: asOf,
            profile: try workspace.loadProfile(),
            record: try workspace.readRecordView()
        )
        let letters = workspace.outbox.letters
        var result = try batch.run(
            make: { _, document, template, _ in
                guard template.isLetter() else {
                    throw PayChaseError(
                        .usage,
                        "\(template.name) is an email, not a letter; print one of the letters (appeal, late-payment-notice, local-resolution, formal-complaint, dispute-resolution, letter-before-claim)"
                    )
                }
                let name = String(EmailBuilder.letterFileName(document).dropLast(4)) + "." + format.rawValue
                return (name: name, pdf: try format.bytes(of: document, letterhead: letterhead))
            },
            keep: { claim, made in
                let path = "\(letters)/\(made.name)"
                try files.add(made.pdf, to: path)
                written.append(path)
                logger.debug("wrote letter", metadata: ["claim": "\(claim.id)", "path": "\(path)"])
            }
        )
        do { try files.commit() } catch { throw error.failure }
        result.written = written
        if let printer, !written.isEmpty {
            // The letters are written either way; the practice still needs their names.
            do { try Self.send(written, to: printer) } catch { result.handOffFailure = error }
        }
        return result
    }

    /// Printer names are CUPS queue names: no spaces, slashes or control characters.
    static func checkPrinterName(_ name: String) throws(PayChaseError) {
        guard !name.isEmpty, !name.hasPrefix("-"), name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "/" && $0 != "#" })
        else {
            throw PayChaseError(.usage, "'\(name)' is not a printer name (see 'lpstat -p' for the printers CUPS knows)")
        }
    }

    /// Hands the PDFs to CUPS with `lp -d PRINTER`.
    static func send(_ files: [String], to printer: String) throws(PayChaseError) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let lp = path.split(separator: ":").map({ "\($0)/lp" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw PayChaseError(
                .unavailable,
                "no printing system: 'lp' (CUPS) is not installed. The letters are written; print them from any PDF viewer, or install cups-client and try again"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lp)
        process.arguments = ["-d", printer, "--"] + files
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw PayChaseError(.unavailable, "could not run \(lp): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PayChaseError(
                .unavailable,
                "the printer '\(printer)' did not take the letters: \(message.trimmingCharacters(in: .whitespacesAndNewlines)). The PDFs are written"
            )
        }
    }
}
