import Foundation

/// The handlers, tags and metadata that runs about to start will report to,
/// split into local ones and ones inherited by nested runs (LangChain's CallbackManager).
///
/// Its fields sit behind one copy-on-write reference: a manager is copied into every
/// config handed down and every run started, and mostly never changed after, so a copy is
/// one retain instead of seven.
struct CallbackManager: Sendable {
    /// The fields, shared by copies until one of them changes.
    private final class Storage: @unchecked Sendable {
        // @unchecked Sendable: changed only through a uniquely referenced manager (copy on write).
        var handlers: [any CallbackHandler] = []
        var inheritableHandlers: [any CallbackHandler] = []
        var tags: [String] = []
        var inheritableTags: [String] = []
        var metadata: ValueObject = [:]
        var inheritableMetadata: ValueObject = [:]
        var parentRunId: UUID?

        init() {}

        init(copying other: Storage) {
            handlers = other.handlers
            inheritableHandlers = other.inheritableHandlers
            tags = other.tags
            inheritableTags = other.inheritableTags
            metadata = other.metadata
            inheritableMetadata = other.inheritableMetadata
            parentRunId = other.parentRunId
        }
    }

    private var storage = Storage()

    /// A manager with no handlers, tags or metadata.
    init(parentRunId: UUID? = nil) {
        if let parentRunId { storage.parentRunId = parentRunId }
    }

    /// The storage, copied first if another manager shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
            return storage
        }
    }

    var handlers: [any CallbackHandler] {
        get { storage.handlers }
        set { unique.handlers = newValue }
    }
    var inheritableHandlers: [any CallbackHandler] {
        get { storage.inheritableHandlers }
        set { unique.inheritableHandlers = newValue }
    }
    var tags: [String] {
        get { storage.tags }
        set { unique.tags = newValue }
    }
    var inheritableTags: [String] {
        get { storage.inheritableTags }
        set { unique.inheritableTags = newValue }
    }
    var metadata: ValueObject {
        get { storage.metadata }
        set { unique.metadata = newValue }
    }
    var inheritableMetadata: ValueObject {
        get { storage.inheritableMetadata }
        set { unique.inheritableMetadata = newValue }
    }
    var parentRunId: UUID? {
        get { storage.parentRunId }
        set { unique.parentRunId = newValue }
    }

    /// The manager for a run started with `config` by a component with its own
    /// (local, not inherited) handlers, tags and metadata.
    static func configure(
        _ config: RunConfig, localHandlers: [any CallbackHandler] = [], localTags: [String] = [],
        localMetadata: ValueObject = [:]
    ) -> CallbackManager {
        var manager: CallbackManager
        if let parent = config.parent {
            manager = parent
        } else {
            manager = CallbackManager()
            for handler in config.callbacks { manager.addHandler(handler, inherit: true) }
        }
        for handler in localHandlers { manager.addHandler(handler, inherit: false) }
        manager.addTags(config.tags, inherit: true)
        manager.addTags(localTags, inherit: false)
        manager.addMetadata(config.metadata, inherit: true)
        manager.addMetadata(localMetadata, inherit: false)
        return manager
    }

    /// Adds a handler once (by identity), inherited by nested runs if `inherit`.
    mutating func addHandler(_ handler: any CallbackHandler, inherit: Bool) {
        let storage = unique
        if !storage.handlers.contains(where: { $0 === handler }) { storage.handlers.append(handler) }
        if inherit, !storage.inheritableHandlers.contains(where: { $0 === handler }) {
            storage.inheritableHandlers.append(handler)
        }
    }

    /// Adds tags; a tag already present moves to the end, as in LangChain.
    mutating func addTags(_ newTags: [String], inherit: Bool) {
        guard !newTags.isEmpty else { return }
        let storage = unique
        storage.tags.removeAll { newTags.contains($0) }
        storage.tags += newTags
        if inherit {
            storage.inheritableTags.removeAll { newTags.contains($0) }
            storage.inheritableTags += newTags
        }
    }

    /// Merges metadata (last writer wins).
    mutating func addMetadata(_ newMetadata: ValueObject, inherit: Bool) {
        guard !newMetadata.isEmpty else { return }
        let storage = unique
        storage.metadata = storage.metadata.merging(newMetadata)
        if inherit { storage.inheritableMetadata = storage.inheritableMetadata.merging(newMetadata) }
    }

    /// Describes a run about to start under this manager.
    func makeRun(
        name: String, runType: RunType, runId: UUID?, serialized: Value? = nil, extra: ValueObject = [:]
    ) -> RunManager {
        let info = RunInfo(
            runId: runId ?? UUIDv7.make(), parentRunId: parentRunId, name: name, runType: runType, tags: tags,
            metadata: metadata, serialized: serialized, extra: extra)
        return RunManager(info: info, manager: self)
    }

    /// Calls `call` on every handler not ignoring the event; a handler's error is
    /// reported to the others, or rethrown if that handler has `raiseError`.
    @inline(__always)
    func dispatch(
        event: String, run: RunInfo, ignore: (any CallbackHandler) -> Bool,
        _ call: (any CallbackHandler) throws -> Void
    ) throws {
        for handler in handlers where !ignore(handler) {
            do {
                try call(handler)
            } catch {
                if handler.raiseError { throw error }
                report(RunError(error), from: handler, event: event, run: run)
            }
        }
    }

    private func report(_ error: RunError, from failing: any CallbackHandler, event: String, run: RunInfo) {
        let name = String(describing: type(of: failing))
        for handler in handlers where handler !== failing {
            handler.onHandlerError(error, handler: name, event: event, run: run)
        }
    }
}
