import Foundation
import PayChaseTestSupport
import Testing

/// `paychase serve` and `paychase user add` as a practice's IT person runs them.
struct ServeCommandTests {
    @Test func userAddStoresABcryptHashOnlyItsOwnerCanRead() throws {
        let practice = try PracticeFolder()
        let added = try practice.paychase("user", "add", "jane", environment: ["PAYCHASE_USER_PASSWORD": "correct horse battery"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added jane to "))
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
