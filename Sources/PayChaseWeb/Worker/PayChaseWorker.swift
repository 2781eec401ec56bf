import Foundation
import Logging
import PayChaseJobs
import ServiceLifecycle
import Synchronization

/// The web service's worker, beside the web server in the same ServiceGroup: every little while, it
/// brings the combined dashboard of `--practices` up to date, and for each practice it sends deferred mail whose retry time has come, reads receipts every
/// `imap.poll_minutes`, works out today's actions (Europe/London), and sends by itself only the
/// templates the profile lists in `auto_send`, within `smtp.max_per_minute`. Told to shut down,
/// it finishes the message in flight and stops.
public struct PayChaseWorker: Service {
    let state: WebState
    private let rounds: Rounds

    init(state: WebState) {
        self.state = state
        rounds = Rounds(state.configuration.practices.map { PracticeRound(practice: $0) })
    }

    public func run() async throws {
        let stop = StopSignal()
        await withGracefulShutdownHandler {
            state.logger.info("worker started", metadata: ["practices": "\(state.configuration.practices.count)"])
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                // The combined dashboard first, on every core, so that it is ready when the
                // service starts and when the day changes (nothing to do while no file changes).
                if state.configuration.several { _ = await state.combined(CombinedDashboard.pageView(state.pages)) }
                await rounds.run(state: state, stop: stop)
                let interval = state.configuration.workerInterval
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            }
            state.logger.info("worker stopped")
        } onGracefulShutdown: {
            stop.set()
        }
    }

    /// One turn for every practice, as the timer gives them.
    public func runOnce() async { await rounds.run(state: state, stop: StopSignal()) }

    /// What each practice's turns remember, one turn at a time.
    actor Rounds {
        private var rounds: [PracticeRound]

        init(_ rounds: [PracticeRound]) { self.rounds = rounds }

        func run(state: WebState, stop: StopSignal) async {
            for index in rounds.indices where !stop.isSet {
                var round = rounds[index]
                await round.run(state: state, stop: stop)
                rounds[index] = round
            }
        }
    }
}

/// Set once the web service is told to stop: a batch checks it before each message.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    func set() { flag.store(true, ordering: .relaxed) }

    var isSet: Bool { flag.load(ordering: .relaxed) }
}
