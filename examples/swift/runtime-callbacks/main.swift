// The founding example: a handler passed at run time sees every nested run.
import RunscopeCore

let handler = ConsoleCallbackHandler()

let prompt = try ChatPromptTemplate.fromTemplate("What is 1 + {number}?")
let model = GenericFakeChatModel(responses: ["1 + 2 = 3"], tokenDelay: 0)

let chain = prompt | model
_ = try await chain.invoke(["number": "2"], config: RunConfig(callbacks: [handler]))
