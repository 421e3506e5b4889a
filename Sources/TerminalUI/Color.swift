/// A terminal color: the terminal's default, one of the 16 ANSI colors, or a
/// 256-color palette index.
///
/// The backend maps these to ncurses colors; ``ansiIndex`` gives the palette
/// number (`nil` for ``default``, which ncurses spells `-1`).
public enum Color: Sendable, Hashable {
    /// The terminal's own default foreground or background.
    case `default`
    /// The eight standard ANSI colors (palette 0–7).
    case black, red, green, yellow, blue, magenta, cyan, white
    /// The eight bright ANSI colors (palette 8–15); ``brightBlack`` is grey.
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// An entry of the 256-color palette (0–15 are the ANSI colors above).
    case indexed(UInt8)

    /// Grey, an alias for ``brightBlack``.
    public static let grey: Color = .brightBlack
    /// Grey, an alias for ``brightBlack``.
    public static let gray: Color = .brightBlack

    /// The palette index of this color, or `nil` for ``default``.
    public var ansiIndex: Int? {
        switch self {
        case .default: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let index): return Int(index)
        }
    }
}
