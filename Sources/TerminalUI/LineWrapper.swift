/// The streaming greedy word-wrap state machine behind ``TextWrap`` and
/// ``WrappedText``. It is fed one grapheme cluster at a time and emits each
/// visual line as soon as it is final; lines it has emitted never change, so
/// feeding text in pieces gives exactly the lines of feeding it whole.
///
/// State: `current` (placed content of the open visual line, no trailing
/// spaces), then `spaces` pending blanks, then `word`, the pending run of
/// narrow non-space clusters. Invariant: `currentWidth + spaces + wordWidth <=
/// width` (only a lone wide cluster may exceed a width of 1).
struct LineWrapper: Sendable {
    /// Columns per visual line (≥ 1).
    let width: Int
    private var current = ""
    private var currentWidth = 0
    private var spaces = 0
    private var word = ""
    private var wordWidth = 0
    /// Whether the open visual line continues a wrapped logical line; leading
    /// blanks are dropped on such lines.
    private var isContinuation = false

    /// Creates a wrapper for lines of `width` columns (at least 1).
    init(width: Int) {
        self.width = max(1, width)
    }

    /// The open visual line as it would read if the text ended here.
    var pendingLine: String {
        if word.isEmpty { return current }
        return current + String(repeating: " ", count: spaces) + word
    }

    /// Feeds one cluster, appending any visual line it finishes to `lines`.
    mutating func feed(_ character: Character, into lines: inout [String]) {
        switch character {
        case "\n", "\r\n", "\r":
            lines.append(pendingLine)
            self = LineWrapper(width: width)
        case " ":
            placeWord()
            addSpaces(1)
        case "\t":
            placeWord()
            let column = currentWidth + spaces
            addSpaces(Sanitizer.tabWidth - column % Sanitizer.tabWidth)
        default:
            feedVisible(character, into: &lines)
        }
    }

    /// Feeds a cluster that is neither a blank nor a line break.
    private mutating func feedVisible(_ character: Character, into lines: inout [String]) {
        guard Sanitizer.isSafeCharacter(character) else {
            for scalar in character.unicodeScalars {
                let visible = Sanitizer.replacement(for: scalar) ?? scalar
                feedVisible(Character(visible), into: &lines)
            }
            return
        }
        let characterWidth = DisplayWidth.of(character: character)
        switch characterWidth {
        case 0:
            makeRoom(for: 0, into: &lines)
            word.append(character)
        case 1:
            makeRoom(for: 1, into: &lines)
            word.append(character)
            wordWidth += 1
        default:
            placeWord()
            makeRoom(for: characterWidth, into: &lines)
            word.append(character)
            wordWidth = characterWidth
            placeWord()
        }
    }

    /// Breaks the line (or, for an over-long word, the word) so that
    /// `columns` more columns fit after the pending word.
    private mutating func makeRoom(for columns: Int, into lines: inout [String]) {
        if currentWidth + spaces + wordWidth + columns <= width { return }
        if currentWidth > 0 {
            lines.append(current)
            current = ""
            currentWidth = 0
            isContinuation = true
        }
        spaces = 0
        if wordWidth + columns <= width { return }
        if wordWidth > 0 {
            lines.append(current + word)
            current = ""
            word = ""
            wordWidth = 0
            isContinuation = true
        }
    }

    /// Moves the pending blanks and word onto the open line.
    private mutating func placeWord() {
        guard !word.isEmpty else { return }
        if spaces > 0 { current += String(repeating: " ", count: spaces) }
        current += word
        currentWidth += spaces + wordWidth
        spaces = 0
        word = ""
        wordWidth = 0
    }

    /// Adds pending blanks, except at the start of a continuation line.
    private mutating func addSpaces(_ count: Int) {
        if isContinuation && currentWidth == 0 && current.isEmpty && word.isEmpty { return }
        spaces += count
    }
}
