import PayChaseDomain
import PayChaseInput
import Testing

/// `bank-rate.csv` is read by the same CSV reader as the claims: notes skipped, every problem
/// named with its line and column.
struct BankRateReaderTests {
    static let text = """
        # Bank Rate, each change.
        # Checked against the Bank's page.
        from,bank_rate,checked_against
        2023-08-03,5.25,https://www.bankofengland.co.uk/x
        # a note between rows
        "2024-08-01","5.00","https://example.org/a,b"
        """

    @Test func readsTheRatesPassingOverNotes() throws {
        let table = try BankRateReader.parse(Self.text, file: "bank-rate.csv")
        #expect(table.changes.map(\.basisPoints) == [525, 500])
        #expect(table.changes.map(\.from.description) == ["2023-08-03", "2024-08-01"])
    }

    @Test func namesEachBadLineAndColumn() {
        let text = Self.text + "\n2025-02-30,4.50,x\n2025-05-08,4.2x5,x\n"
        #expect {
            try BankRateReader.parse(text, file: "bank-rate.csv")
        } throws: { error in
            let lines = (error as? InputError)?.diagnostics.map(\.description) ?? []
            return lines.count == 2 && lines[0].hasPrefix("bank-rate.csv:7: from: ")
                && lines[1] == "bank-rate.csv:8: bank_rate: '4.2x5' is not a rate in per cent with at most two decimals, such as 3.75"
        }
    }

    @Test func aFileWithoutItsHeaderSaysWhatTheFirstLineMustBe() {
        #expect {
            try BankRateReader.parse("# notes\n2025-05-08,4.25\n", file: "bank-rate.csv")
        } throws: { error in
            (error as? InputError)?.diagnostics.map(\.description) == [
                "bank-rate.csv:2: unknown columns '2025-05-08', '4.25'; the columns are from, bank_rate, checked_against",
                "bank-rate.csv:2: from: required column is missing from the header",
                "bank-rate.csv:2: bank_rate: required column is missing from the header",
            ]
        }
    }
}
