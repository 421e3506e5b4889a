import Foundation
import RunscopeHistory
import RunscopeInspector

/// The search prompt, the status filter and the marks of the history screen.
extension HistoryListState {
    /// A key while the search prompt is open: typing edits it, Enter applies it, Esc clears the search.
    mutating func editSearch(_ key: Key) -> [HistoryListEffect] {
        switch key {
        case .char(let character):
            draft?.append(character)
        case .backspace, .delete:
            if draft?.isEmpty == false { draft?.removeLast() }
        case .enter:
            let text = draft?.trimmingCharacters(in: .whitespaces) ?? ""
            draft = nil
            return setSearch(text.isEmpty ? nil : text)
        case .escape, .ctrlC:
            draft = nil
            return setSearch(nil)
        default:
            break
        }
        return []
    }

    /// Applies a search (nil: none), reloading when it changed.
    mutating func setSearch(_ text: String?) -> [HistoryListEffect] {
        guard text != search else { return [] }
        search = text
        return reload()
    }

    /// Esc: clears the search and the status filter; with neither, leaves the screen when it is over an inspector.
    mutating func clearFilters() -> [HistoryListEffect] {
        guard search != nil || status != nil else { return escapeQuits ? [.quit] : [] }
        search = nil
        status = nil
        return reload()
    }

    /// `s`: all statuses, then each of `ok`, `failed`, `cancelled`, `running`, `interrupted` in turn.
    mutating func cycleStatus() -> [HistoryListEffect] {
        let all = TraceFilter.statuses
        if let status, let index = all.firstIndex(of: status) {
            self.status = index + 1 < all.count ? all[index + 1] : nil
        } else {
            status = all.first
        }
        message = "Status: \(status ?? "all")"
        return reload()
    }

    /// `m`: marks the selected trace for comparison, or unmarks it; at most two are marked.
    mutating func toggleMark() {
        guard let trace = selectedTrace else { return }
        if let index = marked.firstIndex(where: { $0.id == trace.id }) {
            marked.remove(at: index)
            message = "Unmarked \(trace.id.prefix(13))"
        } else if marked.count >= 2 {
            message = "Two runs are marked already: unmark one (m), or d to compare them"
        } else {
            marked.append(trace)
            message = marked.count == 1 ? "Marked A; mark another with m, then d compares them" : "Marked B; d compares A and B"
        }
    }

    /// `d`: the diff of the two marked traces.
    mutating func compare() -> [HistoryListEffect] {
        guard marked.count == 2 else {
            message = "Mark two runs with m to compare them (\(marked.count) marked)"
            return []
        }
        return [.compare(marked[0], marked[1])]
    }
}
