import Foundation
import PayChaseJobs
import Testing

/// smtp.max_per_minute: never more than that many messages in any 60 seconds.
struct SendPaceTests {
    @Test func theNextMessageWaitsUntilTheOldestOfTheMinuteIsAMinuteOld() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var pace = SendPace(perMinute: 2)
        #expect(pace.delay(at: start) == 0)
        #expect(pace.room(at: start) == 2)
        pace.record(start)
        pace.record(start.addingTimeInterval(1))
        #expect(pace.room(at: start.addingTimeInterval(2)) == 0)
        #expect(pace.delay(at: start.addingTimeInterval(2)) == 58)
        #expect(pace.delay(at: start.addingTimeInterval(60)) == 0)
        #expect(pace.room(at: start.addingTimeInterval(60.5)) == 1)
        #expect(pace.room(at: start.addingTimeInterval(61)) == 2)
    }
}
