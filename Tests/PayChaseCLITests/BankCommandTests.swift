import Foundation
import PayChaseTestSupport
import Testing

/// Issue 20.1 and 20.2: payments matched from a bank statement, in each bank's own layout.
struct BankCommandTests {
    /// One credit of £3,480.00 naming Q-2026-001's CQRS reference and one debit, as each bank
    /// exports them, with its awkward lines: quoted commas, £ and CR signs, the bank's dates, a
    /// BOM, an account line above the header, a closing balance line.
    static let statements: [(file: String, layout: String, text: String)] = [
        (
            "barclays.csv", "Barclays",
            "\u{FEFF}Number,Date,Account,Amount,Subcategory,Memo\r\n"
                + " 1,01/12/2026,20-00-00 12345678,3480.00,Counter Credit,\"NHS ENGLAND, CQRS-88123 QOF\"\r\n"
                + " 2,02/12/2026,20-00-00 12345678,-45.00,Direct Debit,BT GROUP PLC\r\n"
        ),
        (
            "natwest.csv", "NatWest/RBS",
            "Date, Type, Description, Value, Balance, Account Name, Account Number\n"
                + "01 Dec 2026,BAC,\"'NHS ENGLAND , CQRS-88123\",3480.00,10480.00,'RIVERSIDE MC,'600000-12345678\n"
                + "02 Dec 2026,D/D,'BT GROUP PLC,-45.00,10435.00,'RIVERSIDE MC,'600000-12345678\n"
                + ",,Closing balance,,10435.00,,\n"
        ),
        (
            "lloyds.csv", "Lloyds/Halifax/Bank of Scotland",
            "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n"
                + "01/12/2026,BGC,'30-00-00,12345678,NHS ENGLAND CQRS-88123,,3480.00,10480.00\n"
                + "02/12/2026,DD,'30-00-00,12345678,BT GROUP PLC,45.00,,10435.00\n"
        ),
        (
            "hsbc.csv", "HSBC",
            "Date,Description,Amount\n01/12/2026,\"NHS ENGLAND, CQRS-88123\",\"£3,480.00\"\n02/12/2026,BT GROUP PLC,-45.00\n"
        ),
        ("hsbc-export.csv", "HSBC (no header)", "01 Dec 2026,NHS ENGLAND CQRS-88123,3480.00\n02 Dec 2026,BT GROUP PLC,-45.00\n"),
        (
            "coop.csv", "Co-operative Bank/Santander",
            "Account: 08-92-99 12345678\nDate,Description,Money In,Money Out,Balance\n"
                + "01-Dec-2026,NHS ENGLAND CQRS-88123,\"£3,480.00\",,\"10,480.00 CR\"\n"
                + "02-Dec-2026,BT GROUP PLC,,45.00,\"10,435.00 CR\"\n"
        ),
        (
            "statement.ofx", "OFX",
            "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n\r\n<OFX>\r\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\r\n"
                + "<STMTTRN>\r\n<TRNTYPE>CREDIT\r\n<DTPOSTED>20261201\r\n<TRNAMT>3480.00\r\n<FITID>2026120101\r\n<NAME>NHS ENGLAND\r\n<MEMO>CQRS-88123 QOF\r\n</STMTTRN>\r\n"
                + "<STMTTRN>\r\n<TRNTYPE>DEBIT\r\n<DTPOSTED>20261202\r\n<TRNAMT>-45.00\r\n<FITID>2026120201\r\n<NAME>BT GROUP PLC\r\n</STMTTRN>\r\n"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>\r\n</OFX>\r\n"
        ),
        (
            "statement-v2.ofx", "OFX",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\" SECURITY=\"NONE\"?>\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>"
                + "<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20261201120000.000[0:GMT]</DTPOSTED><TRNAMT>3480.00</TRNAMT><FITID>A1</FITID><NAME>NHS ENGLAND</NAME><MEMO>CQRS-88123</MEMO></STMTTRN>"
                + "<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261202</DTPOSTED><TRNAMT>-45.00</TRNAMT><FITID>A2</FITID><NAME>BT</NAME></STMTTRN>"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n"
        ),
    ]

    @Test(arguments: statements.map(\.file))
    func eachBanksLayoutIsReadAndItsCreditMatched(file: String) throws {
        let statement = try #require(Self.statements.first { $0.file == file })
        let folder = try PracticeFolder()
        try folder.write(file, statement.text)
        let result = try folder.paychase("bank", file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Statement read as \(statement.layout): 1 credits to place."), "\(result.stdout)")
        #expect(result.stdout.contains("1 December 2026  £3,480.00  → Q-2026-001 £3,480.00  [certain]"), "\(result.stdout)")
        #expect(!result.stdout.contains("45.00"), "debits are left out")
        #expect(!folder.exists("Outbox/deliveries.jsonl"), "nothing recorded without --record")
    }

    static let week = """
        Date,Description,Amount
        01/12/2026,NHS ENGLAND CQRS88123 QOF BAL,"3,480.00 CR"
        02/12/2026,NHS SBS PRIMARY CARE,"1,020.50"
        03/12/2026,LBTH PART PAYMENT PO-448812,2000.00
        04/12/2026,LONDON BOROUGH OF TOWER HAMLETS,780.00
        05/12/2026,NHS SBS D-2026-014,"1,234.56"
        06/12/2026,A N OTHER,99.99
        07/12/2026,TRANSFER TO SAVINGS,-500.00
        08/12/2026,CARD PAYMENT,25.00DR

        """

    @Test func proposalsSayHowSureTheyAreAndOnlyTheCertainAreRecordedOnce() throws {
        let folder = try PracticeFolder()
        try folder.write("week.csv", Self.week)
        let looked = try folder.paychase("bank", "week.csv")
        #expect(looked.status == 0, "\(looked.stderr)")
        let out = looked.stdout
        #expect(out.contains("week.csv:2  1 December 2026  £3,480.00  → Q-2026-001 £3,480.00  [certain]"), "a reference without its dash: \(out)")
        #expect(out.contains("week.csv:3  2 December 2026  £1,020.50  → L-2026-011 £1,020.50  [likely]"), "paymaster and amount")
        #expect(out.contains("week.csv:4  3 December 2026  £2,000.00  → P-2026-003 £2,000.00  [certain]"))
        #expect(out.contains("declared a part payment; £150.00 still owed"), "a shortfall names the difference")
        #expect(out.contains("week.csv:5  4 December 2026  £780.00  → L-2026-007 £780.00  [likely]"), "the council by its name")
        #expect(out.contains("week.csv:6  5 December 2026  £1,234.56  → D-2026-014 £1,234.56  [certain]"))
        #expect(out.contains("Could not place:\n  week.csv:7  6 December 2026  £99.99  A N OTHER"))
        #expect(out.contains("names no claim, reference or paymaster"))
        #expect(!folder.exists("Outbox/deliveries.jsonl"))

        let recorded = try folder.paychase("bank", "week.csv", "--record")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.hasSuffix("Recorded 3 payment(s), from the certain proposals only.\n"))
        let lines = try folder.read("Outbox/deliveries.jsonl").split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let payment = try #require(first["payment"] as? [String: Any])
        let bank = try #require(payment["bank"] as? [String: Any])
        #expect(bank["date"] as? String == "2026-12-01" && bank["description"] as? String == "NHS ENGLAND CQRS88123 QOF BAL")
        #expect(bank["pence"] as? Int == 348_000 && (bank["sha256"] as? String)?.count == 64)
        let status = try folder.paychase("status", "--as-of", "2026-12-08").stdout
        #expect(status.split(separator: "\n").first { $0.hasPrefix("Q-2026-001") }?.hasSuffix("none (paid in full)") == true, "\(status)")
        #expect(status.split(separator: "\n").first { $0.hasPrefix("P-2026-003") }?.contains("£150.00") == true, "the balance is still chased")

        // The same statement again, and an overlapping one: nothing is recorded twice.
        let again = try folder.paychase("bank", "week.csv", "--record")
        #expect(again.stdout.contains("3 credit(s) already recorded from an earlier statement"))
        #expect(again.stdout.hasSuffix("Recorded 0 payment(s), from the certain proposals only.\n"))
        try folder.write(
            "next.csv",
            "Date,Description,Amount\n05/12/2026,NHS SBS D-2026-014,\"1,234.56\"\n09/12/2026,LBTH BALANCE PO-448812,150.00\n"
        )
        let overlap = try folder.paychase("bank", "next.csv", "--record")
        #expect(overlap.stdout.contains("1 credit(s) already recorded"), "\(overlap.stdout)")
        #expect(overlap.stdout.contains("→ P-2026-003 £150.00  [certain]"))
        #expect(try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").count == 4)
        #expect(try folder.paychase("log", "--verify").status == 0)
    }

    @Test func anUnreadableLineIsNamedAndTheRestStillRead() throws {
        let folder = try PracticeFolder()
        try folder.write(
            "bad.csv",
            "Date,Description,Amount\n31/02/2026,NHS ENGLAND CQRS-88123,3480.00\n01/12/2026,NHS ENGLAND CQRS-88123,three\n02/12/2026,NHS SBS D-2026-014,1234.56\n"
        )
        let result = try folder.paychase("bank", "bad.csv")
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.csv:2: Date: '31/02/2026' is not a date"), "\(result.stderr)")
        #expect(result.stderr.contains("bad.csv:3: Amount: 'three' is not an amount"))
        #expect(result.stdout.contains("→ D-2026-014 £1,234.56  [certain]"), "the rest is still read")
        try folder.write("mystery.csv", "When,What,How much\n01/12/2026,X,1.00\n")
        let unknown = try folder.paychase("bank", "mystery.csv")
        #expect(unknown.status == 65 && unknown.stderr.contains("mystery.csv:1: is not a statement PayChase knows"), "\(unknown.stderr)")
        // Any other bank's columns, mapped in the profile.
        try folder.write("paychase.yaml", try folder.read("paychase.yaml") + "bank:\n  csv: { date: When, description: [What], amount: How much }\n")
        try folder.write("mystery.csv", "When,What,How much\n01/12/2026,CQRS-88123,3480.00\n")
        let mapped = try folder.paychase("bank", "mystery.csv")
        #expect(mapped.status == 0 && mapped.stdout.hasPrefix("Statement read as the profile's bank.csv"), "\(mapped.stdout)\(mapped.stderr)")
    }
}
