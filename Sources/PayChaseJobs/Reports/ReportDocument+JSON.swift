import Foundation
import PayChaseDomain

extension ReportDocument {
    /// JSON for scripts: each table with its rows as objects keyed by column id; amounts as
    /// `{"pence": 123456, "text": "1234.56"}`, dates ISO 8601.
    public func json() -> [UInt8] {
        Array(try! StatusJSON.encoder.encode(JSONView(self))) + [0x0A]
    }
}

/// The JSON shape of a report document.
private struct JSONView: Encodable {
    struct Table: Encodable {
        var id: String
        var heading: String
        var notes: [String]
        var rows: [Row]
    }

    struct Row: Encodable {
        var columns: [String]
        var cells: [ReportDocument.Cell]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (column, cell) in zip(columns, cells) {
                let key = Key(column)
                switch cell {
                case .text(let text), .figure(let text): try container.encode(text, forKey: key)
                case .money(let money): try container.encode(StatusJSON.Amount(money), forKey: key)
                case .count(let count): try container.encode(count, forKey: key)
                case .date(let date): try container.encode(date.description, forKey: key)
                case .empty: try container.encodeNil(forKey: key)
                }
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var title: String
    var lead: [String]
    var tables: [Table]

    init(_ document: ReportDocument) {
        title = document.title
        lead = document.lead
        tables = document.tables.map { table in
            Table(id: table.id, heading: table.heading, notes: table.notes, rows: table.rows.map { Row(columns: table.columns.map(\.id), cells: $0) })
        }
    }
}
