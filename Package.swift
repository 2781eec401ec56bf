// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Header folders for a C library, from pkg-config's -I flags only. SwiftPM's own pkg-config
/// support warns about glib's -pthread, and warnings here are bugs.
func headerSearchFlags(_ library: String) -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pkg-config", "--cflags-only-I", library]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return [] }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        .filter { $0.hasPrefix("-I") }.flatMap { ["-Xcc", String($0)] }
}

/// Shared by every target: Swift 6 language mode, warnings are bugs.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "PayChase",
    products: [
        .executable(name: "paychase", targets: ["paychase"]),
        .library(name: "PayChaseJobs", targets: ["PayChaseJobs"]),
        .library(name: "PayChaseInput", targets: ["PayChaseInput"]),
        .library(name: "PayChaseDocuments", targets: ["PayChaseDocuments"]),
        .library(name: "PayChaseMail", targets: ["PayChaseMail"]),
        .library(name: "PayChasePrint", targets: ["PayChasePrint"]),
        .library(name: "PayChaseWeb", targets: ["PayChaseWeb"]),
        .library(name: "PayChaseReports", targets: ["PayChaseReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        // Claims, money, UK dates, paymasters and the escalation ladder. No I/O.
        .target(name: "PayChaseDomain", swiftSettings: swiftSettings),
        // The reports' arithmetic: aged debt, cash flow by month, days to pay, service value, networks. No I/O.
        .target(name: "PayChaseReports", dependencies: ["PayChaseDomain"], swiftSettings: swiftSettings),
        // Reads the practice profile (YAML) and the claim list (CSV or JSON) into domain values.
        .target(
            name: "PayChaseInput",
            dependencies: [
                "PayChaseDomain", "PayChaseTransport", "PayChaseConcurrency",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Mustache templates with front matter, strict rendering, emails and letters as text.
        .target(
            name: "PayChaseDocuments",
            dependencies: [
                "PayChaseDomain",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // RFC 5322 / MIME message composition, and reading mail back: MIME parsing and returned mail classified.
        .target(name: "PayChaseMail", dependencies: ["PayChaseDomain"], swiftSettings: swiftSettings),
        // Work shared over both cores, on threads of its own (never waiting on a busy Dispatch pool).
        .target(name: "PayChaseConcurrency", dependencies: ["CMalloc"], swiftSettings: swiftSettings),
        // The Outbox folder: drafts, the send queue, sent, failed, letters, the hash-chained delivery log.
        .target(
            name: "PayChaseOutbox",
            dependencies: [
                "PayChaseDomain", "PayChaseConcurrency", "PayChaseMail",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // libcurl, from Debian's libcurl4-openssl-dev.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // PangoCairo, from Debian's libpango1.0-dev and libcairo2-dev.
        .systemLibrary(name: "CPangoCairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // glibc's allocator settings (mallopt), for the commands that run once and exit.
        .systemLibrary(name: "CMalloc"),
        // Printable A4 letters as PDF: one Swift type lays a letter out with Pango and Cairo.
        .target(
            name: "PayChasePrint",
            dependencies: ["CPangoCairo", "PayChaseDomain", "PayChaseDocuments"],
            swiftSettings: swiftSettings + [.unsafeFlags(headerSearchFlags("pangocairo"))]
        ),
        // What reaching a mail server means, without libcurl: its settings (and OAuth's), where the
        // secret comes from, the errors, and the two seams, MailTransport (send) and MailStore (read, flag, file).
        .target(name: "PayChaseTransport", swiftSettings: swiftSettings),
        // libcurl behind one Swift type that owns the handle.
        .target(name: "PayChaseCurl", dependencies: ["CCurl", "PayChaseTransport"], swiftSettings: swiftSettings),
        // Sending over SMTP: one connection for a batch, receipts, exact server replies.
        .target(
            name: "PayChaseSMTP",
            dependencies: ["PayChaseCurl", "PayChaseTransport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Reading the practice mailbox over IMAP: new messages only, fetched without marking them read.
        .target(
            name: "PayChaseIMAP",
            dependencies: ["PayChaseCurl", "PayChaseTransport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Signing in to the mailbox with OAuth 2.0: the device and client credentials grants, the
        // token file (0600, locked while renewed), and a mail credential that renews itself.
        .target(name: "PayChaseOAuth", dependencies: ["PayChaseCurl", "PayChaseDomain", "PayChaseTransport"], swiftSettings: swiftSettings),
        // The jobs the command line (and next the web service) runs; they return typed results and never print.
        // Letters as Word documents (.docx), into the practice's own letterhead when it has one.
        .target(
            name: "PayChaseWord",
            dependencies: ["PayChaseDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PayChaseJobs",
            dependencies: [
                "PayChaseDomain", "PayChaseInput", "PayChaseDocuments", "PayChaseMail", "PayChaseOutbox", "PayChaseCurl",
                "PayChaseSMTP", "PayChaseIMAP", "PayChasePrint", "PayChaseWord", "PayChaseReports", "PayChaseOAuth", "PayChaseTransport",
                "PayChaseConcurrency",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web service: pages and JSON over the same jobs, and the worker that runs them on its own.
        .target(
            name: "PayChaseWeb",
            dependencies: [
                "PayChaseJobs", "PayChaseDomain", "PayChaseReports", "PayChaseConcurrency",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Pages")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "paychase",
            dependencies: [
                "PayChaseJobs", "PayChaseDomain", "PayChaseWeb", "PayChaseConcurrency",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Helpers the test targets share: running commands, reading .eml back with Python's email package.
        .target(
            name: "PayChaseTestSupport",
            path: "Tests/PayChaseTestSupport",
            exclude: ["parse_eml.py", "fake_exchange_smtp.py"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PayChaseDomainTests", dependencies: ["PayChaseDomain"], swiftSettings: swiftSettings),
        .testTarget(name: "PayChaseReportsTests", dependencies: ["PayChaseReports", "PayChaseDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PayChaseInputTests",
            dependencies: ["PayChaseDomain", "PayChaseInput", "PayChaseTransport", "PayChaseTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseDocumentsTests",
            dependencies: ["PayChaseDomain", "PayChaseDocuments", "PayChaseInput", "PayChaseTestSupport"],
            exclude: ["Golden", "Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseMailTests",
            dependencies: ["PayChaseMail", "PayChaseTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseSendTests",
            dependencies: [
                "PayChaseJobs", "PayChaseDomain", "PayChaseOutbox", "PayChaseIMAP", "PayChaseTransport", "PayChaseTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseOutboxTests",
            dependencies: [
                "PayChaseOutbox", "PayChaseConcurrency", "PayChaseDomain", "PayChaseTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChasePrintTests",
            dependencies: ["PayChaseDocuments", "PayChaseDomain", "PayChasePrint", "PayChaseInput", "PayChaseTestSupport"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseJobsTests",
            dependencies: [
                "PayChaseTransport",
                "PayChaseJobs", "PayChaseDomain", "PayChaseOutbox", "PayChasePrint", "PayChaseReports", "PayChaseTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseWebTests",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                "PayChaseWeb", "PayChaseJobs", "PayChaseDomain", "PayChaseOutbox", "PayChaseTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PayChaseCLITests",
            dependencies: ["PayChaseJobs", "PayChaseTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
