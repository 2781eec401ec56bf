/// The staff who do a service's work, each with their own cost per hour.
public enum StaffRole: String, Sendable, CaseIterable, Codable, Comparable {
    case gp, nurse, hca, admin

    /// "GP", "nurse", "HCA", "admin", as a report names them.
    public var title: String {
        switch self {
        case .gp: "GP"
        case .nurse: "nurse"
        case .hca: "HCA"
        case .admin: "admin"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What an hour of each role costs the practice (pay, on-costs), from the profile's `costs:`.
public struct StaffCosts: Sendable, Hashable {
    public var perHour: [StaffRole: Money]

    public init(perHour: [StaffRole: Money]) { self.perHour = perHour }

    public subscript(role: StaffRole) -> Money { perHour[role] ?? .zero }
}

/// Hours of work, exact to the hundredth of an hour (never floating point).
public struct Hours: Sendable, Hashable, Comparable, Codable {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    public static let zero = Hours(hundredths: 0)

    public static func + (lhs: Hours, rhs: Hours) -> Hours { Hours(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func < (lhs: Hours, rhs: Hours) -> Bool { lhs.hundredths < rhs.hundredths }

    /// The cost of these hours at `rate` an hour, to the nearest penny (halves up).
    public func cost(at rate: Money) -> Money {
        let product = rate.pence * hundredths
        return Money(pence: (product + 50) / 100)
    }

    /// `12`, `12.5`, `1,234.25`.
    public var formatted: String {
        let whole = Money.grouped(UInt64(hundredths.magnitude / 100))
        let rest = hundredths.magnitude % 100
        if rest == 0 { return String(whole) }
        return "\(whole)." + (rest % 10 == 0 ? "\(rest / 10)" : (rest < 10 ? "0\(rest)" : "\(rest)"))
    }

    /// Why a number of hours could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case notANumber(String)
        case tooManyDecimals(String)

        public var description: String {
            switch self {
            case .notANumber(let text): "'\(text)' is not a number of hours (write 120 or 37.5; never below zero)"
            case .tooManyDecimals(let text): "'\(text)' has more than two decimal places"
            }
        }
    }

    /// Reads `120`, `37.5`, `1,234.25`; empty is zero.
    public init(parsing raw: String) throws(ParseError) {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else {
            self = .zero
            return
        }
        // Hours are read as amounts are (exact, grouped thousands), without a pound sign.
        guard !text.contains("£") else { throw .notANumber(text) }
        do {
            self.init(hundredths: try Money(parsing: text).pence)
        } catch .tooManyDecimals {
            throw .tooManyDecimals(text)
        } catch {
            throw .notANumber(text)
        }
    }
}

/// One service as the practice's `services.csv` describes its work over a year: the staff hours
/// by role it takes, and what else it costs.
public struct ServiceWorkload: Sendable, Hashable {
    public var service: String
    public var category: Category
    public var hours: [StaffRole: Hours]
    /// Consumables, devices, sessions bought in: costs that are not staff time.
    public var directCosts: Money
    /// The line of `services.csv` it comes from, for messages.
    public var line: Int

    public init(service: String, category: Category, hours: [StaffRole: Hours], directCosts: Money = .zero, line: Int = 0) {
        self.service = service
        self.category = category
        self.hours = hours
        self.directCosts = directCosts
        self.line = line
    }

    public subscript(role: StaffRole) -> Hours { hours[role] ?? .zero }

    public var totalHours: Hours { StaffRole.allCases.reduce(.zero) { $0 + self[$1] } }

    /// Staff time at the practice's costs per hour, plus the direct costs.
    public func cost(at costs: StaffCosts) -> Money {
        StaffRole.allCases.reduce(directCosts) { $0 + self[$1].cost(at: costs[$1]) }
    }

    /// Claims are matched to a service by name, ignoring case and surrounding spaces.
    public static func key(_ service: String) -> String { service.trimmingSpaces().lowercased() }
}
