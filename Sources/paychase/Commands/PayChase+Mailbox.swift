import ArgumentParser
import Foundation
import PayChaseJobs

extension PayChase {
    struct Mailbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Connect the practice mailbox with OAuth 2.0 (NHSmail, Microsoft 365), see who is connected, or forget it.",
            discussion: """
                paychase mailbox connect      show a link and a code; sign in there, and PayChase keeps the tokens
                paychase mailbox status       who is connected, which permissions were granted, when last renewed
                paychase mailbox disconnect   forget the tokens
                The tokens are kept in one file only you can read (oauth.token_file, beside paychase.yaml by default).
                """,
            subcommands: [Connect.self, Status.self, Disconnect.self]
        )
    }
}

extension PayChase.Mailbox {
    struct Connect: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign in to the practice mailbox: prints a link and a code, then waits.")

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = MailboxJob(workspace: try options.workspace())
            let started = try PayChase.run { () throws(PayChaseError) in try job.begin() }
            let connection: MailboxConnection
            switch started {
            case .connected(let made):
                connection = made
            case .waiting(let device):
                print(MailboxText.instructions(device))
                // Shown now, not when the command ends: it waits for the person to sign in.
                fflush(nil)
                connection = try PayChase.run { () throws(PayChaseError) in
                    try job.waitForSignIn(device) { seconds in
                        Thread.sleep(forTimeInterval: Double(seconds))
                        return true
                    }
                }
            }
            print(MailboxText.connected(connection))
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say who is connected, which permissions were granted and when the sign-in was last renewed."
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = MailboxJob(workspace: try options.workspace())
            let status = try PayChase.run { () throws(PayChaseError) in try job.status() }
            print(MailboxText.status(status), terminator: "")
        }
    }

    struct Disconnect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget the mailbox's tokens. Sending and reading stop until it is connected again."
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = MailboxJob(workspace: try options.workspace())
            let had = try PayChase.run { () throws(PayChaseError) in try job.disconnect() }
            print(
                had
                    ? "Disconnected: the tokens are forgotten. To revoke PayChase's access at Microsoft as well, remove it under My Account > Apps, or ask the NHSmail Local Administrator."
                    : "Nothing to forget: the mailbox was not connected."
            )
        }
    }
}
