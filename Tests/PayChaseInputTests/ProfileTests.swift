import PayChaseDomain
import PayChaseInput
import PayChaseTransport
import Testing

struct ProfileTests {
    @Test func readsThePracticeProfile() throws {
        let profile = try Fixture.profile()
        #expect(profile.practice.name == "Riverside Medical Centre")
        #expect(profile.practice.odsCode == "F84001")
        #expect(profile.practice.contract == .gms)
        #expect(profile.practice.address == ["1 River Road", "London", "E1 1AA"])
        #expect(profile.practice.signatory == Signatory(name: "Jane Doe", role: "Practice Manager"))
        #expect(profile.practice.effectiveLatePaymentProvision?.contains("paragraph 63 of Schedule 3") == true)
        #expect(profile.paymasters[.icb]?.dear == "Ms Ní Bhriain")
        #expect(profile.paymasters[.icb]?.signOff == "Yours sincerely")
        #expect(profile.paymasters[.nhsEngland]?.salutation == "Dear Sir or Madam")
        #expect(profile.paymasters[.nhsEngland]?.signOff == "Yours faithfully")
        #expect(profile.receipts == ReceiptRequests(read: true, delivery: true, to: "manager@riverside.example"))
        #expect(try ProfileLoader().loadSettings(path: Fixture.path("profile.yaml")).smtp == nil)
    }

    @Test func readsTheMailServerSettingsBesideTheProfile() throws {
        let text =
            try String(contentsOfFile: Fixture.path("profile.yaml"), encoding: .utf8) + """
                smtp:
                  url: smtp://mail.example:587
                  username: manager@riverside.example
                  password_file: secret.txt
                  auth: login
                """
        let smtp = try #require(try ProfileLoader().parseSettings(text, file: "p.yaml").smtp)
        #expect(
            smtp
                == MailServerSettings(
                    url: "smtp://mail.example:587",
                    username: "manager@riverside.example",
                    password: .file("secret.txt"),
                    auth: .login,
                    caFile: nil
                )
        )
        #expect(smtp.server == "mail.example:587")
    }

    @Test func aProfileWrittenForCCGsStillReadsAndSaysWhatChanged() throws {
        let settings = try ProfileLoader().loadSettings(path: Fixture.path("profile.yaml"))
        let profile = settings.profile
        #expect(profile.paymasters[.icb]?.name == "Tower Hamlets CCG", "ccg is read as icb")
        #expect(profile.commissioner.contact.name == "Tower Hamlets CCG", "without commissioner:, the ICB paymaster (here read from ccg)")
        let notes = settings.notes.map(\.description)
        #expect(notes.contains { $0.contains("paymasters.ccg: is read as paymasters.icb: CCGs were abolished on 1 July 2022") })
        #expect(notes.contains { $0.contains("commissioner: is not set") })
    }

    @Test func readsTheCommissionerAndTheNewSettings() throws {
        let text =
            try String(contentsOfFile: Fixture.path("profile.yaml"), encoding: .utf8) + """
                commissioner:
                  name: NHS North East London Integrated Care Board
                  on_behalf_of: NHS England
                  email: nel@nhs.example
                  notice_address: ["4th Floor", "London", "E15 1DA"]
                payment_terms: { gp-contract: end-of-following-month, public-health: 45 days }
                reply_days: 21

                """
        let settings = try ProfileLoader().parseSettings(text, file: "p.yaml")
        let profile = settings.profile
        #expect(profile.commissioner.contact.address == ["4th Floor", "London", "E15 1DA"])
        #expect(profile.commissioner.onBehalfOf == "NHS England")
        #expect(profile.terms(for: .gpContract) == .endOfFollowingMonth)
        #expect(profile.terms(for: .publicHealth) == .days(45))
        #expect(profile.replyDays == 21)
        #expect(!settings.notes.contains { $0.field == "commissioner" })
        let bad = text.replacingOccurrences(of: "45 days", with: "soon")
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ProfileLoader().parse(bad, file: "p.yaml") } == [
                "p.yaml: payment_terms.public-health: 'soon' must be end-of-following-month or a number of days, such as 30 days"
            ]
        )
    }

    @Test func listsEveryProfileProblemByKey() {
        let file = Fixture.path("bad-profile.yaml")
        let problems = Fixture.problems { () throws(InputError) in _ = try ProfileLoader().load(path: file) }
        #expect(
            problems == [
                "\(file): practice.ods_code: '12' is not an ODS code (a letter and five characters, such as F84001)",
                "\(file): practice.contract: 'NHS' must be GMS, PMS or APMS",
                "\(file): practice.address: must be a list, such as [\"1 River Road\", \"London\", \"E1 1AA\"]",
                "\(file): practice.email: 'not-an-address' is not an email address like name@example.nhs.uk",
                "\(file): practice.signatory.role: is missing",
                "\(file): paymasters.primary-care-trust: is not a setting PayChase knows (expected one of: icb, nhs-england, local-authority, ccg)",
                "\(file): smtp.password: never put the password itself in paychase.yaml; use password_env (an environment variable) or password_file (a file only you can read)",
                "\(file): smtp.url: 'http://mail.example' must start with smtp:// (STARTTLS) or smtps:// (TLS)",
                "\(file): smtp.username: is set but there is no password_env or password_file (or set auth: oauth to sign in with OAuth 2.0)",
            ]
        )
        #expect(!problems.joined().contains("hunter2"), "a password never appears in an error")
    }

    @Test func refusesAnAddressWithAnEncodedWord() throws {
        let text = try String(contentsOfFile: Fixture.path("profile.yaml"), encoding: .utf8)
        let tricky = text.replacingOccurrences(of: "email: help@lmc.example", with: "email: \"=?UTF-8?B?QmNj?=@x.example\"")
        #expect(tricky != text)
        let problems = Fixture.problems { () throws(InputError) in _ = try ProfileLoader().parse(tricky, file: "p.yaml") }
        #expect(
            problems == [
                "p.yaml: lmc.email: '=?UTF-8?B?QmNj?=@x.example' has an encoded word (=?...?=) in it, which mail programs decode into a different address than servers deliver to; write the address as plain letters"
            ]
        )
    }

    @Test func refusesALineBreakInAValueThatReachesAHeader() {
        let yaml = """
            practice:
              name: "Riverside\\r\\nBcc: victim@example.org"
              ods_code: F84001
              contract: GMS
              address: [a]
              phone: "1"
              email: m@r.example
              signatory: { name: J, role: R }
            paymasters: { nhs-england: { name: N, email: n@e.example, address: [a] } }
            lmc: { name: L, email: l@l.example }
            """
        let problems = Fixture.problems { () throws(InputError) in _ = try ProfileLoader().parse(yaml, file: "p.yaml") }
        #expect(problems == ["p.yaml: practice.name: contains a line break or control character; it must be one line (it can reach an email header)"])
    }
}
