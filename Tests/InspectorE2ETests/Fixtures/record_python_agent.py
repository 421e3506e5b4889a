"""Records real LangChain 1.x agents with runscope's Python handler (integrations/python).

Pinned: langchain==1.5.2 langchain-core==1.8.3 langgraph==1.2.24. Writes here:
  python-agent.jsonl            create_agent, stream_mode="messages": two parallel tool
                                calls (one a handled tool error), then the answer
  python-agent-interrupt.jsonl  create_agent whose tool calls interrupt() (a checkpointer
                                is needed): the run stops with GraphInterrupt
  python-react-agent.jsonl      langgraph.prebuilt.create_react_agent (traces a hidden __start__)

    pip install langchain==1.5.2 langchain-core==1.8.3 langgraph==1.2.24 -e integrations/python
    python3 Tests/InspectorE2ETests/Fixtures/record_python_agent.py
"""
import os
import warnings
from typing import Any, Iterator, List, Optional

from langchain.agents import create_agent
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk
from langchain_core.tools import ToolException, tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import interrupt

from runscope_langchain import RunscopeCallbackHandler

HERE = os.path.dirname(os.path.abspath(__file__))


class FakeToolCallingModel(GenericFakeChatModel):
    """GenericFakeChatModel that accepts tools and streams words, then the tool calls."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> "FakeToolCallingModel":
        return self

    def _stream(self, messages: List[BaseMessage], stop: Optional[List[str]] = None,
                run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        message = next(self.messages)
        words = message.content.split(" ")
        for index, word in enumerate(words):
            text = word if index == 0 else " " + word
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=text))
            if run_manager:
                run_manager.on_llm_new_token(text, chunk=chunk)
            yield chunk
        if message.tool_calls:
            chunks = [{"name": c["name"], "args": __import__("json").dumps(c["args"]), "id": c["id"], "index": i}
                      for i, c in enumerate(message.tool_calls)]
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=chunks))


@tool
def get_weather(city: str) -> str:
    """Current weather for a city."""
    return f"It is sunny in {city}."


@tool
def get_stock_price(symbol: str) -> str:
    """The latest price of a stock."""
    raise ToolException(f"the stock service is down for {symbol}")


get_stock_price.handle_tool_error = True


@tool
def ask_human(question: str) -> str:
    """Ask a person and wait for the answer."""
    return interrupt({"question": question})


def answers(*messages: AIMessage) -> FakeToolCallingModel:
    return FakeToolCallingModel(messages=iter(messages))


def first_turn(*calls: dict) -> AIMessage:
    return AIMessage(content="Let me check.", tool_calls=list(calls))


def record(name: str, agent: Any, config: dict, **stream: Any) -> None:
    path = os.path.join(HERE, name)
    if os.path.exists(path):
        os.remove(path)
    with RunscopeCallbackHandler(path) as handler:
        run_config = dict(config, callbacks=[handler])
        for _ in agent.stream({"messages": [("human", "Weather in Paris, and the price of ACME?")]},
                              config=run_config, stream_mode="messages", **stream):
            pass


def main() -> None:
    warnings.simplefilter("ignore")
    weather = {"name": "get_weather", "args": {"city": "Paris"}, "id": "call_1", "type": "tool_call"}
    stock = {"name": "get_stock_price", "args": {"symbol": "ACME"}, "id": "call_2", "type": "tool_call"}
    model = answers(first_turn(weather, stock), AIMessage(content="It is sunny in Paris; the stock service is down."))
    agent = create_agent(model, [get_weather, get_stock_price], system_prompt="You are a helpful assistant.")
    record("python-agent.jsonl", agent, {})

    ask = {"name": "ask_human", "args": {"question": "Which city?"}, "id": "call_3", "type": "tool_call"}
    agent = create_agent(answers(first_turn(ask)), [ask_human], checkpointer=InMemorySaver())
    record("python-agent-interrupt.jsonl", agent, {"configurable": {"thread_id": "1"}})

    from langgraph.prebuilt import create_react_agent
    model = answers(first_turn(weather), AIMessage(content="It is sunny in Paris."))
    record("python-react-agent.jsonl", create_react_agent(model, [get_weather]), {})


if __name__ == "__main__":
    main()
