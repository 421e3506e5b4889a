/// One terminal cell: a grapheme cluster, its column width, and its style.
///
/// A wide (2-column) symbol occupies its own cell plus a *continuation* cell
/// to its right (empty symbol, width 0) that the backend must not draw.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster, or "" for a continuation cell.
    public private(set) var symbol: String
    /// 1 or 2 for a drawable cell; 0 for a continuation cell.
    public private(set) var width: Int
    /// How the cell is drawn.
    public var style: Style

    /// A space in the plain style.
    public static let blank = Cell(" ")

    /// Creates a cell showing `character`. Unsafe characters (controls, bidi
    /// overrides) are replaced by their ``Sanitizer`` stand-ins; a zero-width
    /// cluster becomes a space, so every cell is 1 or 2 columns.
    public init(_ character: Character = " ", style: Style = .plain) {
        var symbol = String(character)
        if !Sanitizer.isSafeCharacter(character) {
            var column = 0
            var safe = ""
            Sanitizer.append(character, to: &safe, column: &column)
            symbol = safe.first.map(String.init) ?? " "
        }
        var width = DisplayWidth.of(symbol)
        if width == 0 {
            symbol = " "
            width = 1
        }
        self.init(trusted: symbol, width: width, style: style)
    }

    /// Creates a cell without checks: `symbol` must be one safe cluster of
    /// `width` columns.
    init(trusted symbol: String, width: Int, style: Style) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    /// The right half of a wide character.
    public static func continuation(style: Style = .plain) -> Cell {
        Cell(trusted: "", width: 0, style: style)
    }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }

    /// Whether this cell starts a 2-column character.
    public var isWide: Bool { width == 2 }
}

extension Cell {
    /// A space in `style`, built without checks.
    static func space(_ style: Style) -> Cell {
        Cell(trusted: " ", width: 1, style: style)
    }
}
