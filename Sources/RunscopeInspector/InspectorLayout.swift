/// Where things go on a screen of a given size, in plain numbers shared by the
/// reducer (page sizes, scrolling) and the view (drawing).
///
/// Row 0 is the header, the last row the key bar; between them the run tree
/// (left, bordered) and the detail pane (right, bordered: a tab bar, a summary
/// row, then the scrolling content).
public struct InspectorLayout: Sendable, Equatable {
    /// Below this size a "terminal too small" notice is shown instead.
    public static let minimumWidth = 40
    /// Below this size a "terminal too small" notice is shown instead.
    public static let minimumHeight = 10

    public let width: Int
    public let height: Int

    /// The layout of a `width` × `height` screen.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Whether the screen is big enough for the inspector.
    public var isUsable: Bool { width >= Self.minimumWidth && height >= Self.minimumHeight }

    /// Rows between the header and the key bar.
    public var bodyHeight: Int { max(0, height - 2) }
    /// Columns of the tree box (border included).
    public var treeWidth: Int { min(max(24, width * 9 / 20), width / 2 + 4) }
    /// Rows of runs the tree shows.
    public var treeRows: Int { max(1, bodyHeight - 2) }
    /// Columns of the tree's content.
    public var treeContentWidth: Int { max(1, treeWidth - 2) }
    /// Columns of the detail box (border included).
    public var paneWidth: Int { max(0, width - treeWidth) }
    /// Columns of the detail pane's content (a scrollbar column excluded).
    public var paneContentWidth: Int { max(1, paneWidth - 3) }
    /// Rows of scrolling content in the detail pane.
    public var paneRows: Int { max(1, bodyHeight - 4) }
}
