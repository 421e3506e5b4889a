import Foundation
import RunscopePricing

/// Everything the inspector shows: the runs, the chain's progress, and the
/// view settings the user chose (selection, expansion, focus, tab, follow,
/// search). Changed only by ``reduce(_:_:)``.
public struct InspectorState: Sendable {
    /// The chain's name as the caller gave it (the chain file).
    public var title: String
    public internal(set) var forest = RunForest()
    public internal(set) var chain: ChainState = .idle
    public internal(set) var chainStart: Date?
    public internal(set) var chainEnd: Date?
    /// Why the chain failed, when it did.
    public internal(set) var chainError: String?
    /// The clock as of the last action.
    public internal(set) var now: Date
    public internal(set) var totalTokens = 0
    public internal(set) var rate = RateMeter()
    public internal(set) var layout: InspectorLayout
    /// The selected run (node index).
    public internal(set) var selected: Int?
    /// First tree row shown.
    public internal(set) var treeOffset = 0
    public internal(set) var focus: Focus = .tree
    public internal(set) var tab: PaneTab = .stream
    /// Whether the selection follows the streaming run.
    public internal(set) var follow = true
    /// Bumped each time the detail pane starts over (another run or tab, a rerun); the view's
    /// scroll position (`PaneViewport`, its one owner) then goes back to the start position.
    public internal(set) var paneEpoch = 0
    /// Where the pane starts over: at the end, following the text (the stream), or at the top.
    public internal(set) var paneStartsAtEnd = true
    public internal(set) var search = SearchState()
    /// Tool calls waiting for the user's decision, oldest first; the first is the one asked about.
    public internal(set) var approvals: [PendingApproval] = []
    public internal(set) var showsHelp = false
    public internal(set) var confirmingQuit = false
    /// Set after the first Ctrl-C while the chain runs.
    public internal(set) var cancelRequested = false
    /// A one-line notice for the key bar row, cleared by the next key.
    public internal(set) var message: String?
    /// Bumped on every change that alters what is drawn.
    public internal(set) var revision = 0
    /// Whether the timeline (`t`) shows in place of the detail pane.
    public internal(set) var showsTimeline = false
    /// The run whose subtree the timeline's axis spans (`z`); nil: the whole forest (`Z`).
    public internal(set) var timelineZoom: Int?
    /// Steps run again (`E`): each new trace's root run id, and the run it is a rerun of.
    public internal(set) var reruns: [UUID: UUID] = [:]
    /// The root of the step just run again, selected when its first event comes.
    var awaitedRerun: UUID?
    /// Set while a recorded run is replayed or followed: Space pauses, `.` steps.
    public internal(set) var playback: Playback?

    /// A fresh inspector for `title`, sized `width` × `height`, pricing model runs with `prices`.
    public init(title: String, width: Int = 80, height: Int = 24, now: Date = Date(), prices: PriceTable = .builtIn) {
        self.title = title
        self.now = now
        self.layout = InspectorLayout(width: width, height: height)
        forest = RunForest(prices: prices)
    }

    /// The selected run, if any.
    public var selectedNode: RunNode? { selected.map { forest[$0] } }

    /// Seconds since the chain started (to its end once it ended).
    public var wallTime: TimeInterval {
        guard let start = chainStart else { return 0 }
        return max(0, (chainEnd ?? now).timeIntervalSince(start))
    }

    /// Tokens per second over the last second.
    public var tokensPerSecondNow: Double { rate.rate(at: now) }

    /// Tokens per second over the whole wall time.
    public var averageTokensPerSecond: Double { wallTime > 0 ? Double(totalTokens) / wallTime : 0 }
}

/// The search prompt and the last query.
public struct SearchState: Sendable, Equatable {
    /// Whether the user is typing a query.
    public var editing = false
    public var query = ""
    /// Where the selection was when the search began (typing searches from there).
    public var origin: Int?

    /// An empty search.
    public init() {}

    /// Whether `name` matches the query (case-insensitive substring).
    public func matches(_ name: String) -> Bool {
        !query.isEmpty && name.range(of: query, options: .caseInsensitive) != nil
    }
}
