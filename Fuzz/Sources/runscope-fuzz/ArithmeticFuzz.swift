import RunscopeCore

/// ArithmeticParser (the calculator tool's): an expression evaluates or throws a one-line
/// error; with spaces around it, it gives the same outcome; wrapped in parentheses, an
/// expression that evaluates gives the same value (unless that passes the nesting limit).
enum ArithmeticFuzz {
    static func run(_ bytes: [UInt8]) {
        let expression = bytes.text
        let plain = outcome(expression)
        let spaced = outcome(" \(expression) ")
        fuzzCheck(same(plain.value, spaced.value), "\(expression) gave \(plain), with spaces \(spaced)")
        guard plain.value != nil else { return }
        let wrapped = outcome("(\(expression))")
        if wrapped.error?.contains("nested too deeply") == true { return }
        fuzzCheck(same(plain.value, wrapped.value), "\(expression) gave \(plain), in parentheses \(wrapped)")
    }

    private static func outcome(_ expression: String) -> (value: Double?, error: String?) {
        do {
            return (try ArithmeticParser.evaluate(expression), nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    private static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x == y || (x.isNaN && y.isNaN)
        default: false
        }
    }
}
