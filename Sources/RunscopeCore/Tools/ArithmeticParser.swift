import Foundation

/// A recursive-descent parser and evaluator for arithmetic expressions.
public struct ArithmeticParser {
    /// Why an expression could not be evaluated, and where.
    public struct Error: Swift.Error, Sendable, CustomStringConvertible, RunscopeErrorDescribing {
        public var message: String
        public var description: String { message }
        public var errorType: String { "ToolException" }
        public var errorMessage: String { message }
    }

    private let chars: [Character]
    private var index = 0
    private var depth = 0

    /// The value of `expression`.
    public static func evaluate(_ expression: String) throws -> Double {
        var parser = ArithmeticParser(chars: Array(expression))
        let value = try parser.expression()
        parser.skipSpaces()
        if parser.index < parser.chars.count { throw parser.fail("unexpected '\(parser.chars[parser.index])'") }
        guard value.isFinite else { throw Error(message: "the result of '\(expression)' is not a finite number") }
        return value
    }

    private init(chars: [Character]) { self.chars = chars }

    private func fail(_ message: String) -> Error {
        Error(message: "\(message) at position \(index + 1) of '\(String(chars))'")
    }

    private mutating func skipSpaces() {
        // A Character is space only if all of it is: a combining mark after a space joins it
        // into one Character, which `isWhitespace` (its first scalar) calls space.
        while index < chars.count, chars[index].unicodeScalars.allSatisfy(\.properties.isWhitespace) { index += 1 }
    }

    private mutating func take(_ token: String) -> Bool {
        skipSpaces()
        let t = Array(token)
        guard index + t.count <= chars.count, Array(chars[index..<index + t.count]) == t else { return false }
        index += t.count
        return true
    }

    private mutating func expression() throws -> Double {
        var value = try term()
        while true {
            if take("+") { value += try term() } else if take("-") { value -= try term() } else { return value }
        }
    }

    private mutating func term() throws -> Double {
        var value = try unary()
        while true {
            if take("**") { value = pow(value, try unary()); continue }
            if take("*") { value *= try unary() } else if take("/") {
                let divisor = try unary()
                if divisor == 0 { throw fail("division by zero") }
                value /= divisor
            } else if take("%") {
                let divisor = try unary()
                if divisor == 0 { throw fail("modulo by zero") }
                value = value - divisor * (value / divisor).rounded(.down)
            } else { return value }
        }
    }

    private mutating func unary() throws -> Double {
        if take("-") { return -(try unary()) }
        if take("+") { return try unary() }
        return try power()
    }

    private mutating func power() throws -> Double {
        let base = try primary()
        if take("^") || take("**") { return pow(base, try unary()) }
        return base
    }

    private mutating func primary() throws -> Double {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw fail("expression nested too deeply") }
        skipSpaces()
        if take("(") {
            let value = try expression()
            guard take(")") else { throw fail("expected ')'") }
            return value
        }
        guard index < chars.count else { throw fail("unexpected end of expression") }
        if chars[index].isNumber || chars[index] == "." { return try number() }
        if chars[index].isLetter { return try function() }
        throw fail("unexpected '\(chars[index])'")
    }

    private mutating func number() throws -> Double {
        let start = index
        while index < chars.count, chars[index].isNumber || chars[index] == "." || chars[index] == "_" { index += 1 }
        if index < chars.count, chars[index] == "e" || chars[index] == "E" {
            let save = index
            index += 1
            if index < chars.count, chars[index] == "+" || chars[index] == "-" { index += 1 }
            if index < chars.count, chars[index].isNumber {
                while index < chars.count, chars[index].isNumber { index += 1 }
            } else { index = save }
        }
        let text = String(chars[start..<index]).replacingOccurrences(of: "_", with: "")
        guard let value = Double(text) else { index = start; throw fail("invalid number '\(text)'") }
        return value
    }

    private static let functions: [String: @Sendable (Double) -> Double] = [
        "sqrt": { sqrt($0) }, "abs": { abs($0) }, "round": { $0.rounded() }, "floor": { floor($0) },
        "ceil": { ceil($0) }, "ln": { log($0) }, "log": { log10($0) }, "exp": { exp($0) },
        "sin": { sin($0) }, "cos": { cos($0) }, "tan": { tan($0) },
    ]

    private mutating func function() throws -> Double {
        let start = index
        while index < chars.count, chars[index].isLetter || chars[index].isNumber { index += 1 }
        let name = String(chars[start..<index]).lowercased()
        if name == "pi" { return Double.pi }
        if name == "e" { return M_E }
        guard let f = Self.functions[name] else { index = start; throw fail("unknown name '\(name)'") }
        guard take("(") else { throw fail("expected '(' after \(name)") }
        let argument = try expression()
        guard take(")") else { throw fail("expected ')'") }
        return f(argument)
    }
}
