/// The six box-drawing characters of a border.
public struct BoxDrawing: Sendable, Hashable {
    /// Corner and edge characters.
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character

    /// Creates a character set.
    public init(
        topLeft: Character, topRight: Character, bottomLeft: Character,
        bottomRight: Character, horizontal: Character, vertical: Character
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// ┌─┐ │ └─┘
    public static let single = BoxDrawing(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    /// ╭─╮ │ ╰─╯
    public static let rounded = BoxDrawing(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    /// ╔═╗ ║ ╚═╝
    public static let double = BoxDrawing(
        topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║")
}

/// A box around a rectangle with an optional title on its top edge:
/// `┌ Title ──┐`. The title is clipped with "…" to fit between the corners.
public struct Border: Sendable, Hashable {
    /// Characters to draw with.
    public var characters: BoxDrawing
    /// Style of the lines.
    public var style: Style
    /// Title shown on the top edge, padded with one space each side.
    public var title: String?
    /// Style of the title (defaults to the line style).
    public var titleStyle: Style?

    /// Creates a border.
    public init(title: String? = nil, characters: BoxDrawing = .single, style: Style = .plain, titleStyle: Style? = nil) {
        self.title = title
        self.characters = characters
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The area left inside a border drawn around `area`.
    public static func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the box (if `area` is at least 2×2) and returns the inner area.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect) -> Rect {
        let inner = Border.inner(of: area)
        guard area.width >= 2, area.height >= 2 else { return inner }
        let box = characters
        let horizontal = Cell(box.horizontal, style: style)
        let vertical = Cell(box.vertical, style: style)
        buffer.fill(Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), with: horizontal)
        buffer.fill(Rect(x: area.x + 1, y: area.bottom - 1, width: area.width - 2, height: 1), with: horizontal)
        buffer.fill(Rect(x: area.x, y: area.y + 1, width: 1, height: area.height - 2), with: vertical)
        buffer.fill(Rect(x: area.right - 1, y: area.y + 1, width: 1, height: area.height - 2), with: vertical)
        put(box.topLeft, area.x, area.y, &buffer)
        put(box.topRight, area.right - 1, area.y, &buffer)
        put(box.bottomLeft, area.x, area.bottom - 1, &buffer)
        put(box.bottomRight, area.right - 1, area.bottom - 1, &buffer)
        if let title, !title.isEmpty, area.width > 4 {
            buffer.putClipped(" \(title) ", x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: titleStyle ?? style)
        }
        return inner
    }

    /// Writes one corner if it lies inside the buffer.
    private func put(_ character: Character, _ x: Int, _ y: Int, _ buffer: inout Buffer) {
        if buffer.contains(x: x, y: y) { buffer[x, y] = Cell(character, style: style) }
    }
}
