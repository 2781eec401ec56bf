import Foundation
import PayChaseJobs
import Synchronization

/// The mailbox sign-ins under way, one per practice: the code the Mailbox page shows while the
/// person signs in at the identity provider, and how the last one ended. Kept in memory: a
/// sign-in not finished before a restart is simply started again.
final class SignIns: Sendable {
    enum State: Sendable {
        case waiting(DeviceAuthorization)
        /// How the last sign-in ended when it did not connect (declined, expired, refused).
        case failed(String)
    }

    private let states = Mutex<[String: State]>([:])

    func state(of practice: ServedPractice) -> State? { states.withLock { $0[practice.slug] } }

    func set(_ state: State?, for practice: ServedPractice) { states.withLock { $0[practice.slug] = state } }

    /// Polls the provider at its interval until the person signs in, the code runs out or the
    /// provider refuses; the page reads the outcome from here and from the token file.
    func watch(_ device: DeviceAuthorization, job: MailboxJob, practice: ServedPractice) {
        set(.waiting(device), for: practice)
        Task.detached { [self] in
            var current = device
            while true {
                try? await Task.sleep(for: .seconds(current.interval))
                // Stopped when another sign-in was started, or this one was cancelled.
                guard case .waiting(let shown)? = state(of: practice), shown.userCode == current.userCode else { return }
                let asking = current
                do throws(PayChaseError) {
                    switch try await Blocking.run({ () throws(PayChaseError) in try job.poll(asking) }) {
                    case .waiting(let next):
                        current = next
                        set(.waiting(next), for: practice)
                    case .connected:
                        set(nil, for: practice)
                        return
                    }
                } catch {
                    set(.failed(error.description), for: practice)
                    return
                }
            }
        }
    }
}
