import RunscopeCore

/// The demo chain: `RunnableParallel{joke, poem}` (each `prompt | model | parser`)
/// `| combine | check | summarize-prompt | model | parser`.
enum DemoChain {
    struct Settings {
        var fail: Bool
        var cjk: Bool
        var inject: Bool
        var delay: Double
        var repeatCount: Int
    }

    static let joke = """
        Why do terminals never get lost? Because they always follow the cursor. \
        And when they do lose their way, they just ask for a new line.
        """
    static let poem = """
        Tokens fall like rain on glass,
        one by one the streams amass;
        a tree of runs, a pane of light,
        the chain is thinking through the night.
        """
    static let cjkPoem = """
        終端の光が静かに瞬く。トークンが一つずつ流れ、木の枝が伸びていく。🌸
        雨夜里，屏幕低声诉说：每一个字都是一次调用。🚀 한글도 잘 보입니다.
        """
    static let injected = "Here is \u{1B}[31mred text\u{1B}[0m, a title change \u{1B}]0;pwned\u{07}, a clear \u{1B}[2J and a bell \u{07} done."
    static let summary = "In short: the joke follows the cursor, and the poem watches tokens stream into a tree of runs."

    /// An AI message with usage and a finish reason, as a provider would report.
    static func answer(_ text: String) -> Message {
        let words = text.split(whereSeparator: \.isWhitespace).count
        return Message(role: .ai, content: text, usage: UsageMetadata(inputTokens: 18, outputTokens: words * 2),
                       responseMetadata: ["finish_reason": "stop", "model_name": "fake-chat-1"])
    }

    static func model(_ text: String, _ settings: Settings, name: String) -> GenericFakeChatModel {
        let long = Array(repeating: text, count: max(1, settings.repeatCount)).joined(separator: "\n\n")
        return GenericFakeChatModel(messages: [answer(long)], tokenDelay: settings.delay, streaming: true, name: name)
    }

    static func make(_ settings: Settings) throws -> any Runnable {
        let jokePrompt = try ChatPromptTemplate.fromMessages([("system", "You are a witty assistant."), ("human", "Tell me a joke about {topic}")])
        let poemPrompt = try ChatPromptTemplate.fromTemplate("Write a short poem about {topic}")
        let jokeText = settings.inject ? injected : joke
        let poemText = settings.cjk ? cjkPoem : poem
        let jokeBranch = jokePrompt | model(jokeText, settings, name: "JokeModel") | StrOutputParser()
        let poemBranch = poemPrompt | model(poemText, settings, name: "PoemModel") | StrOutputParser()
        let parallel = RunnableParallel([("joke", jokeBranch), ("poem", poemBranch)])
        let combineName = settings.inject ? "combine\u{1B}[2J\u{1B}[31m" : "combine"
        let combine = RunnableLambda(name: combineName) { (input: Value) async throws -> Value in
            ["text": .string((input["joke"]?.text ?? "") + "\n\n" + (input["poem"]?.text ?? ""))]
        }
        let fail = settings.fail
        let check = RunnableLambda(name: "check") { (input: Value) async throws -> Value in
            if fail { throw ScriptedError("the answer failed the check: too many puns per line") }
            return input
        }
        let summaryPrompt = try ChatPromptTemplate.fromTemplate("Summarize in one sentence: {text}")
        let summarize = summaryPrompt | model(summary, settings, name: "SummaryModel") | StrOutputParser()
        return parallel | combine | check | summarize
    }
}
