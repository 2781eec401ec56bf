import PayChaseJobs

/// One practice's jobs that write to its Outbox, one at a time. The Outbox lock is taken per job
/// (inside it), never held between jobs, so `paychase` commands can work on the same folder:
/// when one holds the lock, the job is tried again for a few seconds before it is refused.
final class JobLane: Sendable {
    private let gate = AsyncGate()
    /// How long a job waits for a `paychase` command to let go of the lock.
    let patience: Duration

    init(patience: Duration) { self.patience = patience }

    func write<T: Sendable>(_ work: @escaping @Sendable () throws(PayChaseError) -> T) async throws(PayChaseError) -> T {
        await gate.enter()
        defer { gate.leave() }
        let deadline = ContinuousClock.now + patience
        while true {
            do throws(PayChaseError) {
                return try await Blocking.run(work)
            } catch  where error.reason == .outboxBusy && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}
