import RunscopeCore

/// Reads the keyword arguments of a Python repr such as
/// `ChatOllama(metadata={'a': 1}, model='llama3.2')` when every value is a literal
/// (strings, numbers, True/False/None, lists, tuples, dicts).
enum PythonRepr {
    /// The arguments, or `nil` if the repr is not `ClassName(k=literal, ...)`.
    static func keywordArguments(_ repr: String, className: String) -> ValueObject? {
        var scanner = Scanner(chars: Array(repr))
        guard scanner.take(className + "("), let object = scanner.arguments(), scanner.atEnd else { return nil }
        return object
    }

    private struct Scanner {
        let chars: [Character]
        var index = 0
        var atEnd: Bool { index == chars.count }

        mutating func skipSpaces() { while index < chars.count, chars[index] == " " { index += 1 } }

        mutating func take(_ text: String) -> Bool {
            skipSpaces()
            let t = Array(text)
            guard index + t.count <= chars.count, Array(chars[index..<index + t.count]) == t else { return false }
            index += t.count
            return true
        }

        mutating func arguments() -> ValueObject? {
            var object = ValueObject()
            if take(")") { return object }
            repeat {
                skipSpaces()
                let start = index
                while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" { index += 1 }
                let key = String(chars[start..<index])
                guard !key.isEmpty, take("="), let value = literal() else { return nil }
                object[key] = value
            } while take(",")
            return take(")") ? object : nil
        }

        mutating func literal() -> Value? {
            skipSpaces()
            guard index < chars.count else { return nil }
            switch chars[index] {
            case "'", "\"": return string()
            case "[", "(": return list(close: chars[index] == "[" ? "]" : ")")
            case "{": return dict()
            default: return word()
            }
        }

        mutating func string() -> Value? {
            let quote = chars[index]
            index += 1
            var text = ""
            while index < chars.count, chars[index] != quote {
                if chars[index] == "\\", index + 1 < chars.count {
                    index += 1
                    text.append(["n": "\n", "t": "\t", "r": "\r"][chars[index]] ?? chars[index])
                } else {
                    text.append(chars[index])
                }
                index += 1
            }
            guard index < chars.count else { return nil }
            index += 1
            return .string(text)
        }

        mutating func list(close: Character) -> Value? {
            index += 1
            var items: [Value] = []
            if take(String(close)) { return .array(items) }
            repeat {
                if take(String(close)) { return .array(items) }
                guard let item = literal() else { return nil }
                items.append(item)
            } while take(",")
            return take(String(close)) ? .array(items) : nil
        }

        mutating func dict() -> Value? {
            index += 1
            var object = ValueObject()
            if take("}") { return .object(object) }
            repeat {
                guard case .string(let key)? = literal(), take(":"), let value = literal() else { return nil }
                object[key] = value
            } while take(",")
            return take("}") ? .object(object) : nil
        }

        mutating func word() -> Value? {
            let start = index
            while index < chars.count, !",)]} ".contains(chars[index]) { index += 1 }
            let text = String(chars[start..<index])
            switch text {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .null
            default:
                if let int = Int(text) { return .int(int) }
                if let double = Double(text) { return .double(double) }
                return nil
            }
        }
    }
}

