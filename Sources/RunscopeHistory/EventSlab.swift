/// A fixed block of queued events, the recorder's unit of queue: the chain fills one
/// under the queue's lock, the writer takes it whole, reads it, empties it and gives it
/// back to be filled again. Raw memory rather than an array: appending a token is a store
/// and a count, with no uniqueness or capacity check (about 40 ns less per token, measured).
// @unchecked Sendable: a slab is touched by one thread at a time, handed over under the
// recorder's lock (filled by the chain under it, read and emptied by the writer after `take`).
final class EventSlab: @unchecked Sendable {
    static let capacity = 1024

    private let base: UnsafeMutablePointer<QueuedEvent>
    @exclusivity(unchecked) private(set) var count = 0

    init() { base = .allocate(capacity: Self.capacity) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var isFull: Bool { count == Self.capacity }
    var isEmpty: Bool { count == 0 }

    /// Adds one event (the caller checks `isFull` first).
    @inline(__always)
    func append(_ item: QueuedEvent) {
        (base + count).initialize(to: item)
        count += 1
    }

    /// The events, in the order queued (valid until `removeAll`).
    var items: UnsafeBufferPointer<QueuedEvent> { UnsafeBufferPointer(start: base, count: count) }

    /// Forgets the events, keeping the memory.
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }
}
