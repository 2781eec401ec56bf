#if canImport(Glibc)
import Glibc
#endif

/// A detached thread for `ParallelMap`'s helpers. Foundation's `Thread.start()` says nothing when
/// the thread cannot be made (it ignores what `pthread_create` returns), and a caller waiting
/// for a helper that never ran would wait for ever; this says whether it started.
enum HelperThread {
    /// Runs `body` on a new thread; false (and `body` never runs) when none could be made, at
    /// the process's thread limit for example.
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let made = pthread_create(
            &thread,
            nil,
            { context in
                Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            },
            context
        )
        guard made == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private final class Body: Sendable {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
