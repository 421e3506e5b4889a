import Foundation
import RunscopeInspector
import TerminalUI

/// What `y` copies: the text of the selected run's tab, unwrapped (a model's streamed
/// text as it came), with control characters shown as the pane shows them so that a
/// paste cannot carry escape sequences; and the OSC 52 sequence that hands it to the
/// terminal's clipboard (tmux keeps it as a buffer with `set-clipboard on`).
enum PaneCopy {
    /// The most bytes of text copied: terminals cap OSC 52 (xterm and tmux near 100 KB of base64).
    static let limit = 74_000

    /// The tab's text for the run.
    static func text(_ tab: PaneTab, node: RunNode, forest: RunForest, state: InspectorState) -> String {
        if tab == .stream, node.tokenCount > 0 {
            return Sanitizer.sanitizeLines(node.text).joined(separator: "\n")
        }
        let lines = PaneText.lines(tab, node: node, forest: forest, state: state, width: 1 << 20)
        return lines.map(\.text).joined(separator: "\n")
    }

    /// `ESC ] 52 ; c ; base64 BEL`, or nil when the text is over ``limit``.
    static func osc52(_ text: String) -> String? {
        guard text.utf8.count <= limit else { return nil }
        return "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    }
}
