import Foundation
import Logging
import PayChaseKit
import PayChaseOutbox
import ServiceLifecycle
import Synchronization

/// The service's worker, beside the web server in the same ServiceGroup: every little while, for
/// each practice, it sends deferred mail whose retry time has come, reads receipts every
/// `imap.poll_minutes`, works out today's actions (Europe/London), and sends by itself only the
/// templates the profile lists in `auto_send`, within `smtp.max_per_minute`. Told to shut down,
/// it finishes the message in flight and stops.
public struct PayChaseWorker: Service {
    let state: ServiceState

    init(state: ServiceState) { self.state = state }

    public func run() async throws {
        let stop = StopSignal()
        var rounds = state.configuration.practices.map { PracticeRound(practice: $0) }
        await withGracefulShutdownHandler {
            state.logger.info("worker started", metadata: ["practices": "\(rounds.count)"])
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                for index in rounds.indices where !stop.isSet {
                    await rounds[index].run(state: state, stop: stop)
                }
                let interval = state.configuration.workerInterval
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
            state.logger.info("worker stopped")
        } onGracefulShutdown: {
            stop.set()
        }
    }
}

/// Set once the service is told to stop: a batch checks it before each message.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    func set() { flag.store(true, ordering: .relaxed) }

    var isSet: Bool { flag.load(ordering: .relaxed) }
}
