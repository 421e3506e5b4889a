#if RUNSCOPE_TSAN
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#else
import Synchronization
#endif

/// A value behind a lock, the one lock type the project uses (`withLock` as `Mutex`'s).
///
/// Normally it is `Synchronization.Mutex`. ThreadSanitizer on Linux does not see `Mutex`
/// (it is built on futexes TSan does not model, so every access under it looks like a
/// race), so a build with `-DRUNSCOPE_TSAN` (scripts/tsan.sh) uses a `pthread_mutex_t`,
/// which TSan understands; then what TSan reports is real.
// @unchecked Sendable: the value is only reached inside `withLock`, which holds the lock,
// so no two threads touch it at once; `Mutex` itself is Sendable on the same grounds.
public final class Locked<Value>: @unchecked Sendable {
    // @usableFromInline: `withLock` is inlinable, so other modules get it specialized for
    // their value (no generic call per lock on a hot path such as a stream's tokens).
    #if RUNSCOPE_TSAN
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value
    #else
    @usableFromInline let mutex: Mutex<Value>
    #endif

    /// A lock holding `value`.
    public init(_ value: sending Value) {
        #if RUNSCOPE_TSAN
        mutex = UnsafeMutablePointer.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        self.value = value
        #else
        mutex = Mutex(value)
        #endif
    }

    #if RUNSCOPE_TSAN
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }
    #endif

    /// Runs `body` with the value while holding the lock; `body` may change it.
    @inlinable
    public func withLock<Result, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        #if RUNSCOPE_TSAN
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
        #else
        return try mutex.withLock(body)
        #endif
    }
}
