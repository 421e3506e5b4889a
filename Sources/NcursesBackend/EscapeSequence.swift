import TerminalUI
/// Key sequences that terminals send and terminfo entries often lack (Home and
/// End as `ESC [1~`, `ESC [H`, `ESC OH`, ... under `TERM=xterm-256color` in tmux or
/// screen), and the reading of an escape sequence ncurses did not recognise as one
/// unit, so its bytes never turn into keys (`1` of `ESC [1~` picking tab 1) and the
/// key after it is never lost.
public enum EscapeSequence {
    /// The sequences taught to ncurses (`define_key`) when its terminfo lacks them.
    public static let known: [(sequence: String, key: TerminalKey)] = [
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home),
        ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end),
        ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete),
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[Z", .backTab), ("\u{1B}OM", .enter),
    ]

    /// Longest sequence body read after ESC before giving up on it.
    public static let maxLength = 32

    /// What the characters after an ESC amount to so far.
    public enum Progress: Equatable, Sendable {
        /// More characters are needed.
        case incomplete
        /// A whole sequence: its key (``TerminalKey/unknown(_:)`` for one nobody names).
        case complete(TerminalKey)
        /// Not a sequence: ESC was a key of its own, and the characters after it are keys too.
        case notASequence
    }

    /// Reads `body`, the characters after ESC: CSI (`[` parameters, intermediates, a
    /// final byte 0x40–0x7E) or SS3 (`O` and one character).
    public static func progress(_ body: [Unicode.Scalar]) -> Progress {
        guard let introducer = body.first else { return .incomplete }
        guard introducer == "[" || introducer == "O" else { return .notASequence }
        if body.count == 1 { return .incomplete }
        if introducer == "O" { return .complete(key(for: body)) }
        for (offset, scalar) in body.enumerated().dropFirst() {
            switch scalar.value {
            case 0x20...0x3F: continue
            case 0x40...0x7E: return offset == body.count - 1 ? .complete(key(for: body)) : .notASequence
            default: return .notASequence
            }
        }
        return body.count > maxLength ? .complete(.unknown(-1)) : .incomplete
    }

    /// The key of a whole sequence body, or ``TerminalKey/unknown(_:)``.
    static func key(for body: [Unicode.Scalar]) -> TerminalKey {
        var text = "\u{1B}"
        text.unicodeScalars.append(contentsOf: body)
        if body.starts(with: ["[", "<"]) { return MouseEvent.sgr(text.dropFirst()).map(TerminalKey.mouse) ?? .unknown(-1) }
        if let found = known.first(where: { $0.sequence == text }) { return found.key }
        // Modified keys (`ESC [1;5H` Ctrl-Home, `ESC [5;2~`): the key without its modifiers.
        if let semicolon = body.firstIndex(of: ";"), let final = body.last {
            var plain = Array(body[..<semicolon])
            if plain == ["[", "1"], final != "~" { plain = ["["] }
            plain.append(final)
            var unmodified = "\u{1B}"
            unmodified.unicodeScalars.append(contentsOf: plain)
            if let found = known.first(where: { $0.sequence == unmodified }) { return found.key }
        }
        return .unknown(-1)
    }
}
