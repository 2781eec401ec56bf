import ArgumentParser
import Foundation
import PayChaseWeb

extension PayChase {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage who may log in to 'paychase serve'.",
            subcommands: [Add.self, Remove.self]
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

            @Option(
                help:
                    "viewer (sees every page), manager (also sends, posts, records payments, pauses, imports) or admin (also connects the mailbox and sees the users). New users are managers unless given; an existing user keeps theirs unless given.",
                transform: { text in
                    guard let role = WebRole(rawValue: text) else { throw ValidationError("--role must be viewer, manager or admin, not '\(text)'") }
                    return role
                }
            )
            var role: WebRole?

            @OptionGroup var file: UsersFileOptions

            func run() throws {
                let file = file.path
                let password = try readPassword()
                do {
                    let store = UserStore(path: file)
                    let isNew = try store.add(name, password: password, role: role)
                    let given = (try? store.known())?[name]?.role.rawValue ?? "manager"
                    print(
                        isNew
                            ? "Added \(name) (\(given)) to \(file); every page of paychase serve now needs a login"
                            : "Gave \(name) (\(given)) a new password in \(file); their sessions have ended"
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

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Take a user out: they can no longer sign in, and their sessions end at once."
            )

            @Argument(help: "The name to remove.")
            var name: String

            @OptionGroup var file: UsersFileOptions

            func run() throws {
                do {
                    guard try UserStore(path: file.path).remove(name) else {
                        PayChase.report(["paychase user remove: '\(name)' is not in \(file.path)"])
                        throw ExitCode(ExitCodes.usage)
                    }
                } catch let error as WebSetupError {
                    PayChase.report(["paychase user remove: \(error)"])
                    throw ExitCode(ExitCodes.usage)
                }
                print("Removed \(name) from \(file.path); their sessions have ended")
            }
        }
    }
}

/// Where the users file is: beside the profile, or in a --practices folder.
struct UsersFileOptions: ParsableArguments {
    @Option(help: "The practice profile; the users file goes beside it.")
    var config = "paychase.yaml"

    @Option(help: "A --practices folder: the users file goes there instead.")
    var practices: String?

    var path: String { practices.map { "\($0)/\(PayChase.User.fileName)" } ?? PayChase.User.usersFile(beside: config) }
}
