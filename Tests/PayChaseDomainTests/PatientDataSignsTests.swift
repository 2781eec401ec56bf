import PayChaseDomain
import Testing

/// Issue 19.9: text that looks like patient-identifiable data is caught before it goes by email.
struct PatientDataSignsTests {
    @Test(arguments: [
        ("Register extract for 943 476 5919", ["an NHS number"]),
        ("patient 9434765919 fitted", ["an NHS number"]),
        ("ref 943-476-5919", ["an NHS number"]),
        ("Register extract, 41 patients", []),
        ("Invoice 9434765918", []),  // the check digit is wrong: a reference, not an NHS number
        ("order 94347659190", []),  // eleven digits
        ("J Smith, DOB 01/02/1950", ["a date of birth"]),
        ("date of birth 1 Feb 1950, 943 476 5919", ["an NHS number", "a date of birth"]),
    ])
    func findsWhatLooksLikePatientData(text: String, expected: [String]) {
        #expect(PatientDataSigns.found(in: [text]) == expected)
    }
}
