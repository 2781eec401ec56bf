import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the templates in use and the variables each one uses."
        )

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            print(TemplatesJob(workspace: try options.workspace()).run(logger: options.logger()).text, terminator: "")
        }
    }
}
