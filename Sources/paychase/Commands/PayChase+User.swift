import ArgumentParser
import Foundation
import PayChaseWeb

extension PayChase {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage who may log in to 'paychase serve'.",
            subcommands: [Add.self]
        )

        /// Beside paychase.yaml, or in the --practices folder.
        static let fileName = "paychase-users.json"

        static func usersFile(beside config: String) -> String {
            URL(fileURLWithPath: config).deletingLastPathComponent().appendingPathComponent(fileName).path
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a user (or give one a new password), stored as a bcrypt hash; from then on every page needs a login.",
                discussion: """
                    The password is read from the environment variable PAYCHASE_USER_PASSWORD, or else from the first line of \
                    standard input (echo off on a terminal); never from the command line, where others could see it.
                    """
            )

            @Argument(help: "The name to log in with.")
            var name: String

            @Option(help: "The practice profile; the users file goes beside it.")
            var config = "paychase.yaml"

            @Option(help: "A --practices folder: the users file goes there instead.")
            var practices: String?

            func run() throws {
                let file = practices.map { "\($0)/\(User.fileName)" } ?? User.usersFile(beside: config)
                let password = try readPassword()
                do {
                    let isNew = try UserStore(path: file).add(name, password: password)
                    print(
                        isNew ? "Added \(name) to \(file); every page of paychase serve now needs a login" : "Gave \(name) a new password in \(file)"
                    )
                } catch {
                    PayChase.report(["paychase user add: \(error)"])
                    throw ExitCode(ExitCodes.usage)
                }
            }

            private func readPassword() throws -> String {
                if let password = ProcessInfo.processInfo.environment["PAYCHASE_USER_PASSWORD"], !password.isEmpty { return password }
                let terminal = isatty(STDIN_FILENO) == 1
                if terminal {
                    FileHandle.standardError.write(Data("Password for \(name): ".utf8))
                    return String(cString: getpass(""))
                }
                guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                    PayChase.report(["paychase user add: give the password on standard input or in PAYCHASE_USER_PASSWORD"])
                    throw ExitCode(ExitCodes.usage)
                }
                return line
            }
        }
    }
}
