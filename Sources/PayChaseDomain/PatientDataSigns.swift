/// Signs that text from a claim holds patient-identifiable data, which must not go by email to a
/// paymaster: an NHS number (ten digits, as written `943 476 5919` or unbroken, whose check digit
/// is right) or a date of birth (`DOB`, `date of birth`, `born`).
public enum PatientDataSigns {
    /// What the texts seem to hold ("an NHS number", "a date of birth"); empty when nothing.
    public static func found(in texts: [String?]) -> [String] {
        let text = texts.compactMap { $0 }.joined(separator: "\n")
        var signs: [String] = []
        if containsNHSNumber(text) { signs.append("an NHS number") }
        if containsDateOfBirth(text) { signs.append("a date of birth") }
        return signs
    }

    /// Ten digits in a row, or 3-3-4 with single spaces or hyphens, standing alone, whose
    /// modulus 11 check digit is right.
    static func containsNHSNumber(_ text: String) -> Bool {
        // Ten ASCII digits are needed: most claims' texts have fewer, found without Characters.
        guard text.utf8.lazy.filter({ (0x30...0x39).contains($0) }).count >= 10 else { return false }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber, index == 0 || !characters[index - 1].isNumber else {
                index += 1
                continue
            }
            var digits: [Int] = []
            var cursor = index
            while cursor < characters.count, digits.count < 11 {
                let character = characters[cursor]
                if character.isASCII, character.isNumber {
                    digits.append(Int(String(character))!)
                } else if character == " " || character == "-", digits.count == 3 || digits.count == 6, cursor + 1 < characters.count,
                    characters[cursor + 1].isNumber
                {
                    // a separator only between the groups
                } else {
                    break
                }
                cursor += 1
            }
            if digits.count == 10, isValidNHSNumber(digits) { return true }
            index = cursor + 1
        }
        return false
    }

    static func isValidNHSNumber(_ digits: [Int]) -> Bool {
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return (check == 11 ? 0 : check) == digits[9]
    }

    static func containsDateOfBirth(_ text: String) -> Bool {
        // Every sign has a "b": plain ASCII text without one has none of them.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "b") && $0 != UInt8(ascii: "B") }) { return false }
        let lower = text.lowercased()
        return ["date of birth", "d.o.b", "dob:", "dob ", " born "].contains { lower.contains($0) } || lower.hasPrefix("dob")
    }
}
