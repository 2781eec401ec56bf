import PayChaseDomain
import Testing

struct MoneyTests {
    @Test(arguments: [
        ("1234.56", 123_456), ("£1,234.56", 123_456), (" £1,234.5 ", 123_450), ("1,234", 123_400),
        ("0", 0), ("0.07", 7), ("£12,480.00", 1_248_000), ("+10", 1000), ("1,234,567.89", 123_456_789), (".5", 50),
        // The plain forms read straight from the bytes.
        ("£179.19", 17_919), ("0.00", 0), ("12.5", 1_250), ("007", 700), ("999999999999.99", 99_999_999_999_999),
        ("£18,029.19", 1_802_919), ("1,000,000", 100_000_000), ("£999,999,999,999.99", 99_999_999_999_999),
    ])
    func readsPoundsAsExactPence(text: String, pence: Int64) throws {
        #expect(try Money(parsing: text).pence == pence)
    }

    @Test func refusesWhatIsNotAnAmount() {
        #expect(throws: Money.ParseError.tooManyDecimals("12.345")) { try Money(parsing: "12.345") }
        #expect(throws: Money.ParseError.negative("-5.00")) { try Money(parsing: "-5.00") }
        #expect(throws: Money.ParseError.negative("£-5")) { try Money(parsing: "£-5") }
        #expect(throws: Money.ParseError.notANumber("twelve")) { try Money(parsing: "twelve") }
        #expect(throws: Money.ParseError.notANumber("1,23.00")) { try Money(parsing: "1,23.00") }
        #expect(throws: Money.ParseError.notANumber("12.")) { try Money(parsing: "12.") }
        #expect(throws: Money.ParseError.empty) { try Money(parsing: "  ") }
        #expect(throws: Money.ParseError.tooLarge("1000000000000")) { try Money(parsing: "1000000000000") }
        #expect(throws: Money.ParseError.notANumber("£12.3x")) { try Money(parsing: "£12.3x") }
        #expect(throws: Money.ParseError.notANumber("£")) { try Money(parsing: "£") }
        for misplaced in ["1,2345", "12345,678", ",123", "1,,234", "1,234,", "1234,567.00", "£1,23"] {
            #expect(throws: Money.ParseError.notANumber(misplaced)) { try Money(parsing: misplaced) }
        }
    }

    @Test(arguments: [(123_456, "£1,234.56"), (5, "£0.05"), (100_000_000, "£1,000,000.00"), (99, "£0.99"), (-150, "-£1.50")])
    func formatsTheUKWay(pence: Int64, text: String) {
        #expect(Money(pence: pence).formatted == text)
    }

    @Test func addsWithoutRoundingError() throws {
        let total = try (0..<10).reduce(Money.zero) { sum, _ in sum + (try Money(parsing: "0.10")) }
        #expect(total == Money(pence: 100))
    }
}
