import RunscopeCore
import Testing

/// The one duration format: milliseconds below a second, everywhere.
@Suite("Durations as text")
struct DurationTextTests {
    @Test(arguments: [
        (0.0, "0ms"), (0.0004, "0ms"), (0.04, "40ms"), (0.0999, "99ms"), (0.734, "734ms"), (0.9999, "999ms"),
        (1.0, "1.00s"), (1.25, "1.25s"), (2.3, "2.30s"), (1.999, "1.99s"), (75.5, "75.50s"), (-3, "0ms"),
        (Double.nan, "0ms"),
    ] as [(Double, String)])
    func consoleAndSummaries(seconds: Double, text: String) {
        #expect(DurationText.format(seconds) == text)
    }

    @Test(arguments: [
        (0.04, "40ms"), (0.1, "100ms"), (0.96, "960ms"), (1.0, "1.0s"), (12.36, "12.3s"), (1.29, "1.2s"),
        (59.99, "59.9s"), (60, "1m00s"), (125, "2m05s"), (3599, "59m59s"), (3725, "1h02m"),
    ] as [(Double, String)])
    func shortColumns(seconds: Double, text: String) {
        #expect(DurationText.format(seconds, decimals: 1, minutes: true) == text)
    }

    @Test func millisecondPrecision() {
        #expect(DurationText.format(0.1, decimals: 3) == "100ms")
        #expect(DurationText.format(1.9, decimals: 3) == "1.900s")
        #expect(DurationText.format(2.3, decimals: 3) == "2.300s")
        #expect(DurationText.format(1.5, decimals: 0) == "1s")
    }

    @Test func aRunningClockNeverShowsTimeAhead() {
        var previous = 0.0
        for step in 0...2500 {
            let seconds = Double(step) * 0.001
            let text = DurationText.format(seconds)
            let shown = text.hasSuffix("ms") ? Double(text.dropLast(2))! / 1000 : Double(text.dropLast())!
            #expect(shown <= seconds + 1e-9, "\(seconds) shown as \(text)")
            #expect(shown >= previous, "\(seconds) shown as \(text) after \(previous)")
            previous = shown
        }
    }
}
