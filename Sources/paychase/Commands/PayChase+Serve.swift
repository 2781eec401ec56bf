import ArgumentParser
import Foundation
import Logging
import PayChaseJobs
import PayChaseWeb

extension PayChase {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web pages (dashboard, claims, import, queue, record) and run the worker that sends and reads mail by itself.",
            discussion: """
                Listens on 127.0.0.1:8080 unless --listen says otherwise; off loopback it starts only once a user exists \
                (paychase user add NAME), and once one does every page needs a login. Stops cleanly on SIGTERM or SIGINT, \
                after the message in flight. Logs go to standard output.
                """
        )

        @Option(help: "HOST:PORT to listen on (port 0 picks a free one).")
        var listen = ListenAddress.standard.description

        @Option(help: "A folder with one sub-folder per practice (paychase.yaml, claims.csv, Outbox/), served together.")
        var practices: String?

        @Option(help: "Seconds between the worker's turns (sending what is due, reading the mailbox when poll_minutes says).")
        var workerInterval = 30

        @Flag(help: "The service is behind a TLS reverse proxy: session cookies are Secure, and browsers are told to keep to HTTPS.")
        var behindTLS = false

        @Option(
            name: .customLong("trusted-proxy"),
            help:
                "With --behind-tls: the proxy's address (repeat for several). Only requests from it have X-Forwarded-Proto (plain HTTP is sent to HTTPS) and X-Forwarded-For (the address sign-in limits count) believed."
        )
        var trustedProxies: [String] = []

        @OptionGroup var options: WorkspaceOptions

        func run() async throws {
            let address: ListenAddress
            switch ListenAddress.parse(listen) {
            case .success(let parsed): address = parsed
            case .failure(let error): throw ValidationError(error.description)
            }
            var logger = Logger(label: "paychase.serve") { StreamLogHandler.standardOutput(label: $0) }
            logger.logLevel = options.verbose ? .debug : .info
            var configuration = try webConfiguration(address)
            guard trustedProxies.isEmpty || behindTLS else {
                throw ValidationError("--trusted-proxy is for a service behind a TLS proxy: give --behind-tls too")
            }
            configuration.trustedProxies = trustedProxies
            guard workerInterval >= 1 else { throw ValidationError("--worker-interval must be at least 1 second") }
            configuration.workerInterval = .seconds(workerInterval)
            do {
                try await PayChaseServer.run(configuration, logger: logger) { port in
                    let host = address.host.contains(":") ? "[\(address.host)]" : address.host
                    FileHandle.standardOutput.write(Data("PayChase is serving http://\(host):\(port)\n".utf8))
                }
            } catch let error as WebSetupError {
                PayChase.report(["paychase serve: \(error)"])
                throw ExitCode(ExitCodes.configuration)
            }
        }

        /// The practices and the users file: each sub-folder of --practices, or this folder's workspace.
        func webConfiguration(_ address: ListenAddress) throws -> WebConfiguration {
            let workspace = try options.workspace()
            do {
                if let practices {
                    let all = try ServedPractice.all(in: practices, builtinTemplates: workspace.builtinTemplatesPath)
                    return WebConfiguration(
                        listen: address,
                        practices: all,
                        several: true,
                        usersFile: "\(practices)/\(User.fileName)",
                        behindTLS: behindTLS
                    )
                }
                return WebConfiguration(
                    listen: address,
                    practices: [ServedPractice(slug: "", workspace: workspace)],
                    several: false,
                    usersFile: User.usersFile(beside: options.config),
                    behindTLS: behindTLS
                )
            } catch {
                PayChase.report(["paychase serve: \(error)"])
                throw ExitCode(ExitCodes.configuration)
            }
        }
    }
}
