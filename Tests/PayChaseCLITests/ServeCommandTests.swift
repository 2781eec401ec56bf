import Foundation
import PayChaseTestSupport
import Testing

/// `paychase serve` and `paychase user add` as a practice's IT person runs them.
struct ServeCommandTests {
    @Test func userAddStoresABcryptHashOnlyItsOwnerCanRead() throws {
        let practice = try PracticeFolder()
        let added = try practice.paychase("user", "add", "jane", environment: ["PAYCHASE_USER_PASSWORD": "correct horse battery"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added jane (manager) to "))
        let file = try practice.read("paychase-users.json")
        #expect(file.contains("\"name\" : \"jane\""))
        #expect(file.contains("$2b$"))
        #expect(!file.contains("correct horse battery"))
        let mode = try FileManager.default.attributesOfItem(atPath: "\(practice.path)/paychase-users.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let short = try practice.paychase("user", "add", "joe", environment: ["PAYCHASE_USER_PASSWORD": "short"])
        #expect(short.status == 64)
        #expect(short.stderr.contains("the password must be at least 10 characters"))
        let none = try practice.paychase("user", "add", "joe")
        #expect(none.status == 64)
        #expect(none.stderr.contains("give the password on standard input or in PAYCHASE_USER_PASSWORD"))
    }

    @Test func offLoopbackServeRefusesToStartWithoutUsers() throws {
        let practice = try PracticeFolder()
        let result = try practice.paychase("serve", "--listen", "0.0.0.0:0")
        #expect(result.status == 78)
        #expect(result.stderr.contains("is not this machine's loopback address"))
        #expect(result.stderr.contains("paychase user add NAME"))
    }

    /// Issue 21.6: roles from the command line, and taking someone out.
    @Test func userAddGivesARoleAndUserRemoveTakesThemOut() throws {
        let practice = try PracticeFolder()
        let password = ["PAYCHASE_USER_PASSWORD": "correct horse battery"]
        #expect(try practice.paychase("user", "add", "val", "--role", "viewer", environment: password).stdout.contains("Added val (viewer)"))
        #expect(try practice.paychase("user", "add", "ada", "--role", "admin", environment: password).status == 0)
        // A new password keeps the role unless another is given.
        #expect(try practice.paychase("user", "add", "val", environment: password).stdout.contains("Gave val (viewer) a new password"))
        let file = try practice.read("paychase-users.json")
        #expect(file.contains("\"role\" : \"viewer\"") && file.contains("\"role\" : \"admin\""))
        let wrong = try practice.paychase("user", "add", "bob", "--role", "boss", environment: password)
        #expect(wrong.status == 64 && wrong.stderr.contains("--role must be viewer, manager or admin, not 'boss'"))
        let removed = try practice.paychase("user", "remove", "val")
        #expect(removed.status == 0 && removed.stdout.contains("Removed val from "))
        #expect(!(try practice.read("paychase-users.json")).contains("\"val\""))
        let again = try practice.paychase("user", "remove", "val")
        #expect(again.status == 64 && again.stderr.contains("'val' is not in "))
        // A users file from before roles: its user is an admin, and stays one with a new password.
        try practice.write(
            "paychase-users.json",
            #"{"users":[{"name":"old","bcrypt":"$2b$04$abcdefghijklmnopqrstuuN2Ue0NpV5wO6Y1d1vOZq1vQ2XhZbYtSe"}]}"#
        )
        #expect(try practice.paychase("user", "add", "old", environment: password).stdout.contains("Gave old (admin) a new password"))
        let proxy = try practice.paychase("serve", "--trusted-proxy", "10.0.0.1")
        #expect(proxy.status != 0 && proxy.stderr.contains("--trusted-proxy is for a service behind a TLS proxy: give --behind-tls too"))
    }

    @Test func serveSaysWhereItListensAndStopsCleanlyOnSIGTERM() throws {
        let practice = try PracticeFolder()
        let server = try RunningServer(folder: practice)
        let page = try Command.run("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", server.url + "/api/status"])
        #expect(page.stdout == "200")
        #expect(server.stop() == 0)
        #expect(String(decoding: server.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("worker stopped"))
    }

    @Test func theServiceKeysOfTheProfileAreChecked() throws {
        let practice = try PracticeFolder()
        try practice.configureSMTP(url: "smtp://localhost:2525", username: nil, caFile: nil)
        try practice.write("paychase.yaml", try practice.read("paychase.yaml") + "  max_per_minute: 0\nauto_send: [chaser]\n")
        let result = try practice.paychase("check")
        #expect(result.status == 78)
        #expect(result.stderr.contains("paychase.yaml: smtp.max_per_minute: must be a whole number from 1 to 10000"))
        try practice.write(
            "paychase.yaml",
            try practice.read("paychase.yaml").replacingOccurrences(of: "max_per_minute: 0", with: "max_per_minute: 30")
        )
        let template = try practice.paychase("check")
        #expect(template.status == 78)
        #expect(
            template.stderr.contains(
                "paychase.yaml: auto_send: there is no template called 'chaser'; the templates are evidence-submission, chase, appeal,"
            )
        )
    }
}
