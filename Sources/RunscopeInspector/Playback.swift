import Foundation

/// How recorded events are being played into the inspector (replay or tail):
/// what the header says, and the lines skipped so far.
public struct Playback: Sendable, Equatable {
    /// `replay ×2`, `paused`, `replay ended`, `following`.
    public var label: String
    /// Unreadable or duplicated lines skipped so far.
    public var skippedLines: Int

    /// A playback status.
    public init(label: String, skippedLines: Int = 0) {
        self.label = label
        self.skippedLines = skippedLines
    }
}

/// Controls the source of a replayed or followed run: its clock (the recorded
/// times, frozen while paused), pause and single steps.
public protocol PlaybackControl: AnyObject, Sendable {
    /// The time the inspector shows as now (recorded time, not the wall clock).
    func now() -> Date
    /// Pauses or resumes the events.
    func togglePause()
    /// While paused, lets exactly one more event through.
    func step()
    /// What the header shows.
    var playback: Playback { get }
}
