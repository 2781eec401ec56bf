/// A body the practice writes to: a paymaster or the LMC.
public struct Contact: Sendable, Hashable {
    public var name: String
    public var email: String
    public var address: [String]
    /// A named person to write to, as the address block shows them ("Ms Anne Smith").
    public var person: String?
    /// How to greet them ("Ms Smith"); without a person, letters open "Dear Sir or Madam".
    public var dear: String?

    public init(name: String, email: String, address: [String] = [], person: String? = nil, dear: String? = nil) {
        self.name = name
        self.email = email
        self.address = address
        self.person = person
        self.dear = dear
    }

    /// "Dear Ms Smith" to a named person, otherwise "Dear Sir or Madam".
    public var salutation: String {
        if let dear { return "Dear \(dear)" }
        if let person { return "Dear \(person)" }
        return "Dear Sir or Madam"
    }

    /// "Yours sincerely" after a name, "Yours faithfully" after "Dear Sir or Madam".
    public var signOff: String {
        dear == nil && person == nil ? "Yours faithfully" : "Yours sincerely"
    }
}
