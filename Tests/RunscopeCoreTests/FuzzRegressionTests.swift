import RunscopeCore
import Testing

/// Inputs the fuzz targets (Fuzz/, docs/hardening.md) found, each with the invariant it broke.
@Suite struct FuzzRegressionTests {
    /// `json`: 1e400 parsed to Infinity, which serializes as `Infinity`, not JSON.
    @Test(arguments: ["1e400", "-1e400", "[1E999]", "{\"x\": 9e9999}"])
    func numbersOutOfRangeAreAnErrorNamingThePlace(text: String) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            let error = error as? JSONParser.Error
            return error?.message.contains("out of range") == true && error?.line == 1
        }
    }

    @Test func theLargestFiniteNumbersStillRoundTrip() throws {
        for text in ["1.7976931348623157e308", "-1.7976931348623157e308", "5e-324", "123456789012345678901234567890"] {
            let value = try JSONParser.parse(text)
            #expect(try JSONParser.parse(value.compactJSON()) == value, "\(text)")
        }
    }

    /// `arithmetic`: a combining mark after a space joined it into one Character, which
    /// counted as space, so " \u{362}-33" evaluated to -33 while "\u{362}-33" was an error.
    @Test func aCombiningMarkIsNoSpaceWhereverItIs() throws {
        #expect(throws: ArithmeticParser.Error.self) { try ArithmeticParser.evaluate("\u{362}-33") }
        #expect(throws: ArithmeticParser.Error.self) { try ArithmeticParser.evaluate(" \u{362}-33 ") }
        #expect(try ArithmeticParser.evaluate(" -33 ") == -33)
        #expect(try ArithmeticParser.evaluate("\u{3000}2 *\t3\u{2003}") == 6, "other spaces still are")
    }

    /// `chain-file` (10⁶ runs): a backslash before a newline put the newline into the
    /// error message, which must stay one line.
    @Test func anInvalidEscapeOfAnUnprintableByteIsNamedNotCopied() {
        for (text, named) in [("\"a\\\nb\"", "invalid escape of byte 0xa"), ("\"\\q\"", "invalid escape '\\q'")] {
            #expect {
                try JSONParser.parse(text)
            } throws: { error in
                let message = (error as? JSONParser.Error)?.message ?? ""
                return message == named && !message.contains("\n")
            }
        }
    }

    /// `chain-file` (10⁶ runs): a variable name holding a newline was quoted as it was, so the
    /// template's error spread over two lines; control characters are now written as escapes.
    @Test func aTemplateErrorQuotesControlCharactersAsEscapes() {
        #expect {
            try PromptTemplate.fromTemplate("Answer from this context only{\n:context}")
        } throws: { error in
            let message = "\(error)"
            return message.contains("invalid variable '{\\n:context}'") && !message.contains("\n")
        }
        #expect {
            try ChatPromptTemplate.fromMessages([("hu\rman", "hi")])
        } throws: { error in
            "\(error)".contains("unknown message role 'hu\\rman'")
        }
    }
}
