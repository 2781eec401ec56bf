import PayChaseDomain
import PayChaseInput
import PayChaseTestSupport
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

/// Issue 19.5: the table says the day it was checked through, and gives no rate after it.
struct BankRateCheckedThroughTests {
    static let text = """
        # checked_through: 2026-06-30 (the MPC held in June)
        from,bank_rate,checked_against
        2025-08-07,4.00,https://example.org/a
        2025-12-18,3.75,https://example.org/b
        """

    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    @Test func aRateAfterTheCheckedThroughDayIsNeverAssumedUnchanged() throws {
        let table = try BankRateReader.parse(Self.text, file: "bank-rate.csv")
        #expect(table.checkedThrough == Self.date("2026-06-30"))
        #expect(table.rate(on: Self.date("2026-06-30")) == 375, "held through the day it was checked")
        #expect(table.rate(on: Self.date("2026-12-31")) == nil)
        let message = try #require(table.missingRate(on: Self.date("2026-12-31"), table: "Templates/bank-rate.csv"))
        #expect(
            message.hasPrefix(
                "Templates/bank-rate.csv is checked through 30 June 2026, but statutory interest here needs the Bank Rate in force on 31 December 2026: add any change since"
            )
        )
        #expect(message.contains("or give --bank-rate with that day's rate for this run"))
        var oneRun = table
        oneRun.beyondChecked = 400
        #expect(oneRun.rate(on: Self.date("2026-12-31")) == 400, "--bank-rate for one run")
        #expect(oneRun.rate(on: Self.date("2026-06-30")) == 375, "the table still rules the days it covers")
    }

    @Test func withoutTheLineTheNewestChangeIsTheLastKnownDay() throws {
        let table = try BankRateReader.parse(
            Self.text.replacingOccurrences(of: "# checked_through: 2026-06-30 (the MPC held in June)\n", with: ""),
            file: "x"
        )
        #expect(table.rate(on: Self.date("2025-12-18")) == 375)
        #expect(table.rate(on: Self.date("2025-12-19")) == nil)
    }

    @Test func aCheckedThroughDayBeforeTheNewestChangeIsRefused() {
        let text = Self.text.replacingOccurrences(of: "2026-06-30", with: "2025-10-01")
        let found = Fixture.problems { () throws(InputError) in _ = try BankRateReader.parse(text, file: "bank-rate.csv") }
        #expect(found == ["bank-rate.csv: checked_through: 2025-10-01 is before the newest change listed (2025-12-18)"])
    }

    @Test func theBuiltInTableSaysHowFarItWasChecked() throws {
        let table = try BankRateReader.load(path: TestPaths.templates.appendingPathComponent("bank-rate.csv").path)
        let checked = try #require(table.checkedThrough)
        #expect(checked >= (table.lastChange ?? checked))
    }
}
