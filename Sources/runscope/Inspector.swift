import Foundation
import RunscopeCore
import RunscopeHistoryUI
import RunscopeInspector
import RunscopePricing
import RunscopeTUI

/// Opens the live inspector for a run, a replay or a followed log.
enum Inspector {
    /// Runs `run` under the inspector (with `output`, an exec'd program's, in the Output view; `mouse`: clicks and the wheel;
    /// `approver`: tool calls wait for the user; `steps`: `E` runs one step again, `d` compares) and returns the exit status, or `nil` when
    /// there is no usable terminal (the caller then runs headless).
    static func show(
        title: String, playback: (any PlaybackControl)? = nil, exitOnFinish: Bool, mouse: Bool = true, output: OutputLog? = nil, prices: PriceTable,
        approver: InspectorApprover? = nil, steps: InspectorStepKeeper? = nil, history: InspectorApp.Overlay? = HistoryScreens.overlay(), run: @escaping @Sendable ([any CallbackHandler]) async throws -> Value
    ) async throws -> Int32? {
        do {
            let outcome = try await InspectorApp.run(
                title: title, exitOnFinish: exitOnFinish, playback: playback, output: output, history: history, prices: prices, mouse: mouse,
                approver: approver, steps: steps, compare: steps == nil ? nil : HistoryApp.compareOverlay
            ) { handlers in
                Task { try await run(handlers) }
            }
            return outcome.exitStatus
        } catch {
            Terminal.error("runscope: cannot open the terminal UI (\(error)); running headless")
            return nil
        }
    }
}
