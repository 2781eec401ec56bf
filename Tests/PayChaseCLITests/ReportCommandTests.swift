import Foundation
import PayChaseTestSupport
import Testing

/// `paychase report cashflow` and `paychase report value` as a practice manager (or an LMC for a
/// network of practices) runs them, on the example practice as of 22 November 2026.
struct ReportCommandTests {
    static func practiceFolder() throws -> PracticeFolder {
        let folder = try PracticeFolder()
        try FileManager.default.copyItem(
            at: TestPaths.examples.appendingPathComponent("services.csv"),
            to: folder.url.appendingPathComponent("services.csv")
        )
        return folder
    }

    /// A network folder of two practices: Riverside as in Examples/, and Bridge Street, the
    /// same claims with NHS Health Checks done in fewer hours.
    static func network() throws -> PracticeFolder {
        let network = try practiceFolder()
        for (name, practice) in [("riverside", "Riverside Medical Centre"), ("bridge-street", "Bridge Street Surgery")] {
            for file in ["paychase.yaml", "claims.csv", "services.csv"] {
                var text = try network.read(file)
                if file == "paychase.yaml" { text = text.replacingOccurrences(of: "name: Riverside Medical Centre", with: "name: \(practice)") }
                if file == "services.csv", name == "bridge-street" {
                    text = text.replacingOccurrences(of: "NHS Health Checks,PH,0,10,43,8,150.00", with: "NHS Health Checks,PH,0,5,30,5,100.00")
                }
                try network.write("practices/\(name)/\(file)", text)
            }
        }
        return network
    }

    static func csv(_ folder: PracticeFolder, _ name: String) throws -> [[String]] { try ReportFiles.csvRows(folder.path + "/" + name) }

    /// Issue 23.5: what late money costs at the practice's overdraft rate, worked by hand.
    @Test func cashflowSaysWhatLatePaymentCostsAtTheOverdraftRate() throws {
        let folder = try PracticeFolder()
        let before = try folder.paychase("report", "cashflow", "--as-of", "2026-11-22", "--format", "csv", "--output", "plain.csv")
        let plain = try folder.read("plain.csv")
        #expect(before.status == 0 && !plain.contains("What late payment costs"), "no rate, no figure")
        try folder.write(
            "paychase.yaml",
            try folder.read("paychase.yaml").replacingOccurrences(of: "admin: 18.00 }", with: "admin: 18.00, overdraft_rate: 9.5 }")
        )
        #expect(try folder.paychase("report", "cashflow", "--as-of", "2026-11-22", "--format", "csv", "--output", "cost.csv").status == 0)
        let rows = try Self.csv(folder, "cost.csv")
        let table = try #require(rows.firstIndex { $0 == ["What late payment costs"] })
        #expect(rows[table + 2] == ["Paymaster", "Overdue", "Cost so far", "A month", "Claimable interest"])
        // The ICB: Q-2026-001 £3,480.00 for 145 days and D-2026-014 £1,234.56 for 18 days:
        // (348,000 × 145 + 123,456 × 18) pence-days × 9.5% ÷ 365 = 13,711.8p, £137.12; a month,
        // £4,714.56 × 9.5% ÷ 12 = £37.32.
        #expect(rows[table + 3] == ["NHS North East London ICB (primary care payments)", "4714.56", "137.12", "37.32", "0.00"])
        // The council: L-2026-007 £780.00 for 100 days and P-2026-003 £2,150.00 for 105 days:
        // 30,375,000 pence-days × 9.5% ÷ 365 = 7,905.8p, £79.06; a month £2,930.00 × 9.5% ÷ 12 = £23.20;
        // beside it, the statutory interest the council's contract lets the practice claim.
        #expect(rows[table + 4].prefix(4) == ["London Borough of Tower Hamlets", "2930.00", "79.06", "23.20"])
        #expect(rows[table + 5].prefix(4) == ["All paymasters", "7644.56", "216.18", "60.52"])
        try folder.write(
            "paychase.yaml",
            try folder.read("paychase.yaml").replacingOccurrences(of: "overdraft_rate: 9.5 }", with: "overdraft_rate: nine }")
        )
        let bad = try folder.paychase("check", "--as-of", "2026-11-22")
        #expect(
            bad.status == 78 && bad.stderr.contains("costs.overdraft_rate: 'nine' must be a yearly rate in percent, such as 9.5"),
            "\(bad.stderr)"
        )
    }

    @Test func cashflowWritesAnA4PDFWithItsChartOnTheFirstPage() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("report", "cashflow", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Outbox/reports/cashflow-2026-11-22.pdf\n")
        let pdf = folder.path + "/Outbox/reports/cashflow-2026-11-22.pdf"
        #expect(try PDFTools.info(pdf).pageSize.contains("595.276 x 841.89"))
        let first = try PDFTools.text(pdf, page: 1)
        #expect(first.contains("Riverside Medical Centre. As of 22 November 2026: £8,665.06 outstanding."))
        #expect(first.contains("Outstanding by age at 22 November 2026") && first.contains("£4,000"))
        #expect(try PDFTools.fonts(pdf).allSatisfy(\.embedded))
    }

    @Test func cashflowAsCSVAndJSONGoWhereTheyAreAsked() throws {
        let folder = try PracticeFolder()
        #expect(try folder.paychase("report", "cashflow", "--as-of", "2026-11-22", "--format", "csv", "--output", "cash.csv").stdout == "cash.csv\n")
        let rows = try Self.csv(folder, "cash.csv")
        #expect(rows.contains(["All paymasters", "1020.50", "1234.56", "0.00", "0.00", "6410.00", "0.00", "8665.06"]))
        let json = try folder.paychase("report", "cashflow", "--as-of", "2026-11-22", "--format", "json", "--output", "-")
        #expect(json.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((parsed["tables"] as? [Any])?.count == 6)
        #expect(try folder.paychase("report", "cashflow", "--format", "docx").status == 64)
    }

    @Test func aNetworkGetsOneAgedDebtReportOverItsPractices() throws {
        let network = try Self.network()
        let result = try network.paychase(
            "report",
            "cashflow",
            "--practices",
            "practices",
            "--as-of",
            "2026-11-22",
            "--format",
            "csv",
            "--output",
            "network.csv"
        )
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.csv(network, "network.csv")
        #expect(rows[1] == ["2 practices: Bridge Street Surgery, Riverside Medical Centre. As of 22 November 2026: £17,330.12 outstanding."])
        #expect(
            rows.contains([
                "Riverside Medical Centre", "NHS North East London ICB (primary care payments)", "1020.50", "1234.56", "0.00", "0.00", "3480.00",
                "0.00", "5735.06",
            ])
        )
        #expect(rows.contains(["all practices", "ICB", "2041.00", "2469.12", "0.00", "0.00", "6960.00", "0.00", "11470.12"]))
        #expect(rows.contains(["all practices", "All paymasters", "2041.00", "2469.12", "0.00", "0.00", "12820.00", "0.00", "17330.12"]))
        let missing = try network.paychase("report", "cashflow", "--practices", "nowhere")
        #expect(missing.status == 64 && missing.stderr.contains("nowhere: the practices folder does not exist"))
    }

    @Test func valueRanksTheExampleServicesAndMarksThoseThatDoNotPay() throws {
        let folder = try Self.practiceFolder()
        let result = try folder.paychase("report", "value", "--as-of", "2026-11-22", "--format", "csv", "--output", "value.csv")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.csv(folder, "value.csv")
        let ranked = rows.filter { Int($0.first ?? "") != nil }
        // Net per hour: LD checks (3,540 − 2,385) / 45 = 25.67; Health Checks 530 / 61 = 8.69; QOF 2,160 / 260 = 8.31;
        // anticoagulation −239.50 / 37 = −6.47; minor surgery −165.44 / 22 = −7.52; contraceptive implants −816 / 22.5 = −36.27.
        #expect(
            ranked.map { $0[1] } == [
                "Learning disability health checks DES", "NHS Health Checks", "QOF achievement", "Anticoagulation monitoring LES",
                "Minor surgery DES",
                "Contraceptive implants",
            ]
        )
        #expect(
            ranked[0] == [
                "1", "Learning disability health checks DES", "DES", "3540.00", "3540.00", "45", "2385.00", "1155.00", "78.67", "25.67", "yes",
            ]
        )
        #expect(ranked[5] == ["6", "Contraceptive implants", "PH", "780.00", "0.00", "22.5", "1596.00", "-816.00", "34.67", "-36.27", "NO"])
        // Minor surgery DES: 12 GP hours to a nurse saves 12 × £57 = £684, 4 nurse hours to an HCA 4 × £16 = £64: −165.44 + 748 = 582.56.
        #expect(rows.contains(["Minor surgery DES", "12", "4", "684.00", "64.00", "582.56", "yes"]))
        #expect(
            rows.contains(["3 of 6 services do not pay for their work: Anticoagulation monitoring LES, Minor surgery DES, Contraceptive implants."])
        )

        #expect(try folder.paychase("report", "value", "--as-of", "2026-11-22").stdout == "Outbox/reports/value-2026-11-22.pdf\n")
        let pdf = try PDFTools.text(folder.path + "/Outbox/reports/value-2026-11-22.pdf")
        #expect(pdf.contains("Services ranked by net income per hour") && pdf.contains("-£816.00"))
    }

    @Test func aNetworkValueReviewFindsWhatCrossReferralWouldSave() throws {
        let network = try Self.network()
        let result = try network.paychase(
            "report",
            "value",
            "--practices",
            "practices",
            "--as-of",
            "2026-11-22",
            "--format",
            "csv",
            "--output",
            "value.csv"
        )
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.csv(network, "value.csv")
        // Health Checks earn £2,150 at both; Bridge Street spends 5 × 38 + 30 × 22 + 5 × 18 + 100 = £1,040 (48.4p a pound),
        // Riverside 10 × 38 + 43 × 22 + 8 × 18 + 150 = £1,620 (75.3p): Bridge Street doing both saves 1,620 − 1,040 = £580.
        #expect(rows.contains(["NHS Health Checks", "Bridge Street Surgery", "2150.00", "1040.00", "48.4p", "lowest", "0.00"]))
        #expect(rows.contains(["NHS Health Checks", "Riverside Medical Centre", "2150.00", "1620.00", "75.3p", "", "580.00"]))
        #expect(rows.contains(["Network", "", "", "", "", "", "580.00"]), "every other service costs the same at both")
    }

    @Test func aBadServicesFileGetsEveryProblemWithItsLine() throws {
        let folder = try PracticeFolder()
        try folder.write(
            "services.csv",
            """
            service,category,gp_hours,nurse_hours,hca_hours,admin_hours,direct_costs
            Minor surgery DES,DES,ten,4,0,6,0
            Implanon LES,LESS,13,6.555,0,3,£60.00
            minor surgery des,DES,1,1,1,1,-5

            """
        )
        let result = try folder.paychase("report", "value", "--as-of", "2026-11-22")
        #expect(result.status == 65)
        #expect(
            result.stderr == """
                services.csv:2: gp_hours: 'ten' is not a number of hours (write 120 or 37.5; never below zero)
                services.csv:3: category: 'LESS' is not a category; use QOF, DES, LES or PH
                services.csv:3: nurse_hours: '6.555' has more than two decimal places
                services.csv:4: service: 'minor surgery des' is listed again (first on line 2); give each service one row
                services.csv:4: direct_costs: '-5' is negative; amounts are never below zero

                """
        )
        try folder.write("services.csv", "service,category,gp_minutes\nMinor surgery DES,DES,5\n")
        let unknown = try folder.paychase("report", "value")
        #expect(
            unknown.status == 65
                && unknown.stderr.hasPrefix("services.csv:1: unknown column 'gp_minutes'; the columns are service, category, gp_hours,")
        )
    }

    @Test func theValueReviewNeedsTheCostsOfEachRole() throws {
        let folder = try Self.practiceFolder()
        let profile = try folder.read("paychase.yaml")
        try folder.write(
            "paychase.yaml",
            profile.replacingOccurrences(of: "costs: { gp: 95.00, nurse: 38.00, hca: 22.00, admin: 18.00 }\n", with: "")
        )
        let missing = try folder.paychase("report", "value")
        #expect(missing.status == 78)
        #expect(missing.stderr.hasPrefix("paychase.yaml: costs: is missing: the service value review needs what an hour of each role costs"))

        let line = profile.components(separatedBy: "\n").firstIndex { $0.hasPrefix("costs:") }! + 1
        try folder.write("paychase.yaml", profile.replacingOccurrences(of: "gp: 95.00, nurse: 38.00", with: "gp: lots, nurse: 38.001"))
        let bad = try folder.paychase("report", "value")
        #expect(bad.status == 78)
        #expect(
            bad.stderr == """
                paychase.yaml:\(line): costs.gp: 'lots' is not an amount in pounds (write 1234.56 or £1,234.56)
                paychase.yaml:\(line): costs.nurse: '38.001' has more than two decimal places; amounts are exact pence

                """
        )
        #expect(try folder.paychase("check", "--as-of", "2026-11-22").status == 78, "check reads the same profile")
    }
}
