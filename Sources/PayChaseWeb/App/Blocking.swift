import NIOPosix
import PayChaseJobs

/// Runs the jobs, which block (file I/O, libcurl, bcrypt), on a NIOThreadPool of the web service's
/// own, as Hummingbird runs blocking file work, rather than on Swift's cooperative pool, where a
/// blocked thread would stall every request. Not the shared singleton: it has a thread per core
/// (two here), and one send waiting on a slow server must not hold up the pages.
enum Blocking {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws(PayChaseError) -> T) async throws(PayChaseError) -> T {
        let result = await run { () -> Result<T, PayChaseError> in Result { () throws(PayChaseError) -> T in try work() } }
        return try result.get()
    }

    /// Work that cannot fail.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        // The pool is started once and never shut down while the web service runs, so it is always active.
        try! await pool.runIfActive(work)
    }
}
