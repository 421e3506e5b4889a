import NcursesBackend
import Testing

/// Reading the characters after an ESC that ncurses did not match.
@Suite struct EscapeSequenceTests {
    func body(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func knownSequencesAreTheirKeys() {
        #expect(EscapeSequence.progress(body("[1~")) == .complete(.home))
        #expect(EscapeSequence.progress(body("[4~")) == .complete(.end))
        #expect(EscapeSequence.progress(body("OH")) == .complete(.home))
        #expect(EscapeSequence.progress(body("[F")) == .complete(.end))
        #expect(EscapeSequence.progress(body("[1;5H")) == .complete(.home), "Ctrl-Home is Home")
        #expect(EscapeSequence.progress(body("[5;2~")) == .complete(.pageUp))
    }

    @Test func partsOfASequenceAskForMore() {
        #expect(EscapeSequence.progress([]) == .incomplete)
        #expect(EscapeSequence.progress(body("[")) == .incomplete)
        #expect(EscapeSequence.progress(body("[1")) == .incomplete)
        #expect(EscapeSequence.progress(body("[1;")) == .incomplete)
        #expect(EscapeSequence.progress(body("O")) == .incomplete)
    }

    @Test func unknownSequencesAreOneKeyAndOtherTextIsNotASequence() {
        #expect(EscapeSequence.progress(body("[99~")) == .complete(.unknown(-1)))
        #expect(EscapeSequence.progress(body("x")) == .notASequence, "Alt-x: ESC, then x")
        #expect(EscapeSequence.progress(body("[1\u{1B}")) == .notASequence)
        #expect(EscapeSequence.progress(Array(repeating: "1", count: 40).reduce(into: body("[")) { $0.append($1) })
                == .complete(.unknown(-1)), "a runaway sequence ends")
    }

    @Test func everyKnownSequenceReadsBackAsItsKey() {
        for (sequence, key) in EscapeSequence.known {
            #expect(EscapeSequence.progress(Array(sequence.unicodeScalars.dropFirst())) == .complete(key), "\(sequence.debugDescription)")
        }
    }
}
