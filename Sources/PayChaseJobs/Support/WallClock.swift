import Foundation
import PayChaseDomain

/// Where a job gets the time: the system clock, or a fixed instant in tests.
public struct WallClock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = WallClock { Date() }

    public static func fixed(_ instant: Date) -> WallClock { WallClock { instant } }

    /// Today in Europe/London, where the practice is.
    public var today: CalendarDate { LondonTime.date(of: now()) }
}
