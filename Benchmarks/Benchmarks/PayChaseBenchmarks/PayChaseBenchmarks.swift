import Benchmark
import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput
import PayChasePrint
import PayChaseMail

/// The example practice, found from this file: Benchmarks/Benchmarks/PayChaseBenchmarks/ → repository.
private let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let profile = try! ProfileLoader().load(path: repository.appendingPathComponent("Examples/paychase.yaml").path)
private let templates = TemplateLibrary(builtins: repository.appendingPathComponent("Templates").path, overrides: nil)
private let asOf = CalendarDate(year: 2026, month: 11, day: 22)!

/// 10,000 claims as Excel writes them (quoted amounts with £ and commas, UK dates).
private let claimsCSV: String = {
    let categories = [("QOF", "QOF achievement"), ("DES", "Dementia DES"), ("LES", "Implanon LES"), ("PH", "NHS Health Checks")]
    var lines = ["claim_id,service,category,period,amount,paid,submitted_on,due_on,evidence,evidence_submitted_on,paymaster,reference,notes"]
    for index in 1...10_000 {
        let (category, service) = categories[index % 4]
        let pence = 10_000 + (index * 7919) % 1_990_000
        lines.append("C-\(index),\(service),\(category),2026/27,\"£\(pence / 100).\(String(format: "%02d", pence % 100))\",0,\(1 + index % 28)/0\(1 + index % 9)/2026,,\"Register extract, \(index % 200) patients\",,,REF-\(index),")
    }
    return lines.joined(separator: "\r\n") + "\r\n"
}()

private let claim = try! ClaimsLoader(profile: profile).parse(claimsCSV, file: "claims.csv").first { $0.paymaster == .nhsEngland }!
private let context = DocumentContext(claim: claim, profile: profile, today: asOf)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5)
    )

    Benchmark("Parse a 10,000-claim CSV", configuration: .init(maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ClaimsLoader(profile: profile).parse(claimsCSV, file: "claims.csv"))
        }
    }

    Benchmark("Render one template (chase)") { benchmark in
        let chase = templates["chase"]!
        for _ in benchmark.scaledIterations {
            blackHole(try DocumentRenderer().render(chase, context: context))
        }
    }

    Benchmark("Compose one .eml (chase)") { benchmark in
        let document = try DocumentRenderer().render(templates["chase"]!, context: context)
        let message = MailMessage(
            from: Mailbox(name: profile.practice.name, address: profile.practice.email),
            to: [Mailbox(name: document.recipient.name, address: document.recipient.email)],
            subject: document.subject!, body: document.emailText,
            readReceiptTo: profile.receipts.to, deliveryReceiptTo: profile.receipts.to
        )
        for _ in benchmark.scaledIterations {
            blackHole(try MailComposer.compose(message, draft: true))
        }
    }

    Benchmark("Lay out one PDF letter (appeal)") { benchmark in
        let document = try DocumentRenderer().render(templates["appeal"]!, context: context)
        for _ in benchmark.scaledIterations {
            blackHole(try LetterPDF.render(document))
        }
    }
}
