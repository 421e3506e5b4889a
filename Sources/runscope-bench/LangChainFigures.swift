import Foundation
import RunscopeCore

/// LangChain's own figures for the bench's chains, measured in the same run by
/// `integrations/python/bench/langchain_chain.py` under `RUNSCOPE_PYTHON` (a Python with
/// LangChain), so that the docs report a ratio rather than absolute times on a noisy machine.
struct LangChainFigures {
    /// Microseconds per streamed chunk of `prompt | GenericFakeChatModel(1000 words) | StrOutputParser`, no handler.
    var streamMicrosPerToken: Double
    /// Microseconds per invoke of `prompt | GenericFakeChatModel("ok") | StrOutputParser`, no handler.
    var invokeMicros: Double

    /// The figures, or `nil` (with the reason on stderr) when there is no such Python or it failed.
    static func measure() -> LangChainFigures? {
        guard let python = ProcessInfo.processInfo.environment["RUNSCOPE_PYTHON"], !python.isEmpty else {
            FileHandle.standardError.write(Data("runscope-bench: RUNSCOPE_PYTHON not set: LangChain's figures skipped\n".utf8))
            return nil
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("integrations/python/bench/langchain_chain.py").path]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("runscope-bench: cannot run \(python): \(error)\n".utf8))
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8),
              let value = try? JSONParser.parse(text),
              let stream = value["stream_us_per_token_no_handler"]?.doubleValue,
              let invoke = value["invoke_us_per_call_no_handler"]?.doubleValue
        else {
            FileHandle.standardError.write(Data("runscope-bench: langchain_chain.py failed (status \(process.terminationStatus))\n".utf8))
            return nil
        }
        return LangChainFigures(streamMicrosPerToken: stream, invokeMicros: invoke)
    }

    /// LangChain's figures and how many times faster runscope's are.
    func value(streamWithTracer: Double, invokeWithTracer: Double) -> Value {
        [
            "stream_us_per_token_no_handler": round3(streamMicrosPerToken),
            "invoke_us_per_call_no_handler": round3(invokeMicros),
            "stream_times_faster_with_tracer": round3(streamMicrosPerToken / streamWithTracer),
            "invoke_times_faster_with_tracer": round3(invokeMicros / invokeWithTracer),
        ]
    }
}
