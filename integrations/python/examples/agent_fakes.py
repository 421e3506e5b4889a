"""Offline pieces for the agent examples: a tool-calling fake chat model, tools, scripts.

``GenericFakeChatModel`` here is langchain-core's fake chat model under the same class
name (so its runs are named like runscope's scripted model), taught to call tools:
``bind_tools`` returns the model itself (the answers are scripted), and ``_stream``
yields the content word by word, then one chunk with the tool calls, as a provider
streams them. ``SCRIPTS`` holds each example case's answers; the chain files in
``Tests/python/chains/agent_*.json`` script runscope's agent the same way.
"""

from __future__ import annotations

import ast
import itertools
import json
import operator
import re
from typing import Any, Callable, Dict, List

from langchain_core.language_models import fake_chat_models
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGenerationChunk
from langchain_core.tools import BaseTool, ToolException, tool
from langgraph.types import interrupt

SYSTEM_PROMPT = "You are a helpful assistant."


class GenericFakeChatModel(fake_chat_models.GenericFakeChatModel):
    """GenericFakeChatModel that can answer with tool calls, streamed or not."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> "GenericFakeChatModel":  # noqa: ARG002
        return self

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):  # noqa: ANN001, ANN201
        message = self._generate(messages, stop=stop, run_manager=run_manager, **kwargs).generations[0].message
        calls = getattr(message, "tool_calls", None) or []
        parts = re.split(r"(\s)", message.content) if message.content else []
        for index, token in enumerate(parts):
            last = index == len(parts) - 1 and not calls
            chunk = ChatGenerationChunk(message=AIMessageChunk(
                content=token, id=message.id, chunk_position="last" if last else None))
            if run_manager:
                run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk
        if calls:
            chunk = ChatGenerationChunk(message=AIMessageChunk(
                content="", id=message.id, chunk_position="last",
                tool_call_chunks=[{"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i}
                                  for i, c in enumerate(calls)]))
            if run_manager:
                run_manager.on_llm_new_token("", chunk=chunk)
            yield chunk


# --------------------------------------------------------------------------- tools
_OPS: Dict[type, Callable[..., Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.Pow: operator.pow, ast.USub: operator.neg, ast.UAdd: operator.pos,
}


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.operand))
    msg = "only numbers and + - * / ** are allowed"
    raise ValueError(msg)


@tool
def get_weather(city: str) -> str:
    """Current weather for a city."""
    return f"It is sunny in {city}."


@tool
def calculator(expression: str) -> str:
    """Evaluate an arithmetic expression such as 2 + 3."""
    value = _evaluate(ast.parse(expression, mode="eval"))
    return str(int(value) if float(value).is_integer() else value)


@tool
def get_stock_price(symbol: str) -> str:
    """The latest price of a stock."""
    msg = f"Unknown stock symbol: {symbol}"
    raise ToolException(msg)


get_stock_price.handle_tool_error = True  # the agent gets the error text as the tool's answer


@tool
def fetch_news(topic: str) -> str:
    """Today's headlines on a topic."""
    msg = f"news service unavailable for '{topic}'"
    raise ValueError(msg)


@tool
def ask_human(question: str) -> str:
    """Ask the person at the keyboard; the graph pauses until it is resumed with the answer."""
    return str(interrupt({"question": question}))


# --------------------------------------------------------------------------- scripts
def call(name: str, call_id: str, **args: Any) -> Dict[str, Any]:
    """One tool call as a model returns it."""
    return {"name": name, "args": args, "id": call_id, "type": "tool_call"}


def _ai(content: str, *calls: Dict[str, Any]) -> AIMessage:
    return AIMessage(content=content, tool_calls=list(calls))


WEATHER = "What is the weather in Paris?"
BOTH = "Weather in Paris, and what is 2 + 3?"

#: case -> (question, tools, the model's answers in order, create_agent keyword arguments)
SCRIPTS: Dict[str, Any] = {
    "one_tool": (WEATHER, [get_weather, calculator], lambda: [
        _ai("Let me check.", call("get_weather", "call_1", city="Paris")),
        _ai("It is sunny in Paris."),
    ], {}),
    "parallel_tools": (BOTH, [get_weather, calculator], lambda: [
        _ai("Let me check.", call("get_weather", "call_1", city="Paris"), call("calculator", "call_2", expression="2 + 3")),
        _ai("It is sunny in Paris, and 2 + 3 = 5."),
    ], {}),
    "sequential_steps": (BOTH, [get_weather, calculator], lambda: [
        _ai("First the weather.", call("get_weather", "call_1", city="Paris")),
        _ai("Now the sum.", call("calculator", "call_2", expression="2 + 3")),
        _ai("It is sunny in Paris, and 2 + 3 = 5."),
    ], {}),
    "handled_tool_error": ("What is XYZ trading at?", [get_stock_price], lambda: [
        _ai("Let me look it up.", call("get_stock_price", "call_1", symbol="XYZ")),
        _ai("I could not find the stock XYZ."),
    ], {}),
    "unhandled_tool_error": ("Any news about cats?", [fetch_news], lambda: [
        _ai("Let me look.", call("fetch_news", "call_1", topic="cats")),
        _ai("never reached"),
    ], {}),
    "unknown_tool": (WEATHER, [get_weather, calculator], lambda: [
        _ai("Let me check.", call("get_forecast", "call_1", city="Paris")),
        _ai("I could not get a forecast."),
    ], {}),
    "invalid_args": (WEATHER, [get_weather], lambda: [
        _ai("Let me check.", call("get_weather", "call_1", town="Paris")),
        _ai("I could not check the weather."),
    ], {}),
    "interrupt": ("What is the weather?", [ask_human, get_weather], lambda: [
        _ai("Which city?", call("ask_human", "call_1", question="Which city?")),
        _ai("Let me check.", call("get_weather", "call_2", city="Paris")),
        _ai("It is sunny in Paris."),
    ], {"checkpointer": True}),
    "step_limit": (WEATHER, [get_weather], lambda: (
        _ai("Checking again.", call("get_weather", f"call_{n}", city="Paris")) for n in itertools.count(1)
    ), {}),
    "named": (WEATHER, [get_weather], lambda: [
        _ai("Let me check.", call("get_weather", "call_1", city="Paris")),
        _ai("It is sunny in Paris."),
    ], {"name": "weather_agent"}),
    "tour": ("Weather in Paris, 2 + 3, and the price of XYZ?", [get_weather, calculator, get_stock_price], lambda: [
        _ai("Let me check the weather and do the sum.",
            call("get_weather", "call_1", city="Paris"), call("calculator", "call_2", expression="2 + 3")),
        _ai("Now the stock price.", call("get_stock_price", "call_3", symbol="XYZ")),
        _ai("It is sunny in Paris and 2 + 3 = 5, but I could not find the stock XYZ."),
    ], {}),
}

#: config per case (the step limit case runs with LangGraph's recursion_limit 5; an
#: interrupted agent needs a thread to be resumed on)
CONFIG: Dict[str, Dict[str, Any]] = {
    "step_limit": {"recursion_limit": 5},
    "interrupt": {"configurable": {"thread_id": "thread-1"}},
}

#: the answer a paused case is resumed with (``Command(resume=...)``, a second invoke)
RESUME: Dict[str, Any] = {"interrupt": "Paris"}


def scripted_model(case: str) -> GenericFakeChatModel:
    """A fresh model with the case's answers (the model consumes them)."""
    return GenericFakeChatModel(messages=iter(SCRIPTS[case][2]()))


def case_input(case: str) -> Dict[str, List[Any]]:
    """The agent's input: one human message."""
    return {"messages": [("human", SCRIPTS[case][0])]}


def case_tools(case: str) -> List[BaseTool]:
    return list(SCRIPTS[case][1])


def case_options(case: str) -> Dict[str, Any]:
    """create_agent's keyword arguments; ``checkpointer: True`` becomes a fresh InMemorySaver."""
    options = dict(SCRIPTS[case][3])
    if options.pop("checkpointer", False):
        from langgraph.checkpoint.memory import InMemorySaver

        options["checkpointer"] = InMemorySaver()
    return options
