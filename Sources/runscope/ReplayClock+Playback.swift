import RunscopeInspector
import RunscopeReplay

/// The replay clock drives the inspector in replay and tail: its times are shown,
/// Space pauses it and `.` steps it.
extension ReplayClock: PlaybackControl {
    public var playback: Playback { Playback(label: label, skippedLines: skipped) }
}
