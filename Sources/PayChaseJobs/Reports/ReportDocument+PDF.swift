import PayChasePrint

extension ReportDocument {
    /// An A4 PDF through the letters engine: the title and lead, then each table under its
    /// heading with its notes and chart; the first table's chart is on the first page.
    public func pdf() throws(PayChaseError) -> [UInt8] {
        let sections = tables.map { table in
            ReportPDF.Section(
                heading: table.heading,
                paragraphs: table.notes,
                table: table.rows.isEmpty
                    ? nil
                    : ReportPDF.Table(
                        columns: table.columns.map { ($0.title, $0.share) },
                        rows: table.rows.map { $0.map(\.printed) }
                    ),
                chart: table.chart
            )
        }
        do {
            return try ReportPDF.render(title: title, author: author, lead: lead, sections: sections)
        } catch {
            throw PayChaseError(.temporaryFailure, "the report's PDF could not be made: \(error)")
        }
    }
}
