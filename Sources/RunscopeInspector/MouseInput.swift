/// A mouse action as the inspector understands it, independent of any terminal library:
/// a click (the left button going down) or a wheel step, on a cell counted from 0.
public struct MouseInput: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    /// The column, from 0.
    public var x: Int
    /// The row, from 0.
    public var y: Int

    /// A mouse action at (`x`, `y`).
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
