import Foundation
import Hummingbird
import PayChaseOutbox
import PayChaseTestSupport
import Testing

/// The service and `paychase` commands on one folder: the service takes the Outbox lock per job,
/// and waits a little for a command that holds it.
struct LockTests {
    @Test func aJobWaitsForACommandThatHoldsTheLock() async throws {
        var patient = try WebFixture()
        // Waiting is what is tested, not the default patience: on two busy cores (the whole suite
        // in parallel) the command's release can come later than the service's usual 5 s.
        patient.configuration.lockPatience = .seconds(60)
        let fixture = patient
        let outbox = Outbox(root: "\(fixture.folder.path)/Outbox")
        try await fixture.test { browser in
            let csrf = try await browser.get("/claims/Q-2026-001").csrf!
            var held: OutboxLock? = try OutboxLock(outbox: outbox)
            let client = browser.client
            let cookie = try #require(browser.cookie)
            let post = Task {
                try await client.executeRequest(
                    uri: "/claims/Q-2026-001/payment",
                    method: .post,
                    headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "csrf=\(csrf)&amount=5.00")
                )
            }
            try await Task.sleep(for: .milliseconds(400))
            let meanwhile = (try? fixture.folder.read("Outbox/deliveries.jsonl")) ?? ""
            #expect(!meanwhile.contains("received £5.00"), "nothing is recorded while the command holds the lock")
            withExtendedLifetime(held) {}
            held = nil
            let done = try await post.value
            #expect(done.status == .seeOther)
        }
        #expect(try fixture.folder.read("Outbox/deliveries.jsonl").contains("received £5.00"))
    }

    @Test func aLockHeldLongerThanThatIsA503ThatSaysWhy() async throws {
        var fixture = try WebFixture()
        fixture.configuration.lockPatience = .milliseconds(300)
        let outbox = Outbox(root: "\(fixture.folder.path)/Outbox")
        let held = try OutboxLock(outbox: outbox)
        try await fixture.test { browser in
            let csrf = try await browser.get("/claims/Q-2026-001").csrf!
            let busy = try await browser.post("/claims/Q-2026-001/payment", [("csrf", csrf), ("amount", "5.00")])
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.text.contains("a paychase command is working on this Outbox, so try again in a moment"))
        }
        withExtendedLifetime(held) {}
    }
}
