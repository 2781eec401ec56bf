import CMalloc

/// How a process that runs one command and exits uses memory: every `paychase` command but
/// `serve`, which lives on.
public enum OneShot {
    /// Called once, first thing. What a job gives up (`Discard`) is left for the end of the
    /// process. And glibc grows each thread's heap 64 MiB at a time rather than a page: a
    /// report reading its record on two cores made 2,700 `mprotect` calls growing them, about
    /// 5% of its CPU (`perf record -g`; 51 calls with this).
    public static func begin() {
        Discard.keepUntilExit()
        _ = mallopt(M_TOP_PAD, 64 << 20)
    }
}
