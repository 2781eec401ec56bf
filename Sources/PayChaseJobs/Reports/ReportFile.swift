import PayChaseOutbox

/// Writes a report where it was asked for, whole or not at all (a temporary name, fsync, rename).
public enum ReportFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(PayChaseError) {
        do { try AtomicFile.write(bytes, to: path) } catch {
            throw PayChaseError(.temporaryFailure, "\(path): the report could not be written: \(error)")
        }
    }
}
