// swift-tools-version:6.1
import Foundation
import PackageDescription

// PayChase itself, one folder up. A path dependency is known by its folder's name, which is
// whatever the checkout is called.
let payChase = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "PayChaseBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PayChaseBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PayChaseInput", package: payChase),
                .product(name: "PayChaseDocuments", package: payChase),
                .product(name: "PayChaseMail", package: payChase),
                .product(name: "PayChasePrint", package: payChase),
            ],
            path: "Benchmarks/PayChaseBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
