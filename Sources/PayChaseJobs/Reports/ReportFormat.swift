/// The forms a report is given in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// A4 for the partners' meeting, with charts.
    case pdf
    /// For Excel.
    case csv
    /// For scripts.
    case json

    /// The report in this form.
    public func bytes(of document: ReportDocument) throws(PayChaseError) -> [UInt8] {
        switch self {
        case .pdf: try document.pdf()
        case .csv: document.csv()
        case .json: document.json()
        }
    }
}
