#!/usr/bin/env python3
"""Checks that runscope-test-server's streams are faithful to the real APIs by parsing
them with the official Python SDKs (openai, anthropic).

Usage: python3 Tests/python/check_provider_streams.py PATH/TO/runscope-test-server

Starts the server on an ephemeral loopback port, points both SDKs at it with fake keys,
streams a normal answer, a tool call, a two-turn conversation with parallel calls and errors,
and asserts what the SDKs parsed.
Prints one line per check and a closing "N passed, N failed" line; exits 1 on failure.
"""
import json
import subprocess
import sys
import traceback

import anthropic
import openai

TEXT = "Hello! How can I help you today?"
ARGS = {"city": "Paris", "unit": "celsius"}
WEATHER_OPENAI = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather of a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
WEATHER_ANTHROPIC = {
    "name": "get_weather",
    "description": "Weather of a city",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}
MESSAGES = [{"role": "user", "content": "hi"}]


def openai_text(client):
    stream = client.chat.completions.create(
        model="gpt-test", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    text, finish, usage = "", None, None
    for chunk in stream:
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            text += choice.delta.content or ""
            finish = choice.finish_reason or finish
    assert text == TEXT, text
    assert finish == "stop", finish
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (12, 9, 21), usage


def openai_tool_call(client):
    with client.chat.completions.stream(model="tool-call", messages=MESSAGES, tools=[WEATHER_OPENAI]) as stream:
        for _ in stream:
            pass
        completion = stream.get_final_completion()
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls", choice.finish_reason
    calls = choice.message.tool_calls
    assert len(calls) == 1, calls
    assert calls[0].id == "call_weather_1", calls[0].id
    assert calls[0].function.name == "get_weather", calls[0].function.name
    assert json.loads(calls[0].function.arguments) == ARGS, calls[0].function.arguments


def openai_http_error(client):
    try:
        client.with_options(max_retries=0).chat.completions.create(model="fail-429", messages=MESSAGES, stream=True)
    except openai.RateLimitError as error:
        assert error.status_code == 429
        assert error.code == "rate_limit_exceeded", error.code
        assert "Rate limit reached" in error.message, error.message
        return
    raise AssertionError("no RateLimitError")


def openai_stream_error(client):
    stream = client.chat.completions.create(model="error-event", messages=MESSAGES, stream=True)
    text = ""
    try:
        for chunk in stream:
            for choice in chunk.choices:
                text += choice.delta.content or ""
    except openai.APIError as error:
        assert "The server had an error" in error.message, error.message
        assert text == "Hello!", text
        return
    raise AssertionError("no APIError")


def anthropic_text(client):
    with client.messages.stream(model="claude-test", max_tokens=1024, messages=MESSAGES) as stream:
        text = "".join(stream.text_stream)
        message = stream.get_final_message()
    assert text == TEXT, text
    assert message.stop_reason == "end_turn", message.stop_reason
    assert (message.usage.input_tokens, message.usage.output_tokens) == (12, 9), message.usage


def anthropic_tool_call(client):
    with client.messages.stream(
        model="tool-call", max_tokens=1024, messages=MESSAGES, tools=[WEATHER_ANTHROPIC]
    ) as stream:
        message = stream.get_final_message()
    assert message.stop_reason == "tool_use", message.stop_reason
    uses = [block for block in message.content if block.type == "tool_use"]
    assert len(uses) == 1, message.content
    assert uses[0].name == "get_weather", uses[0].name
    assert uses[0].input == ARGS, uses[0].input


# The two turns of ScriptedConversation.weather, sent back the way each API wants them.
PARALLEL = [("call_1", "get_weather", {"city": "Paris"}), ("call_2", "calculator", {"expression": "2 + 3"})]
FINAL = "It is sunny in Paris, and 2 + 3 = 5."


def openai_conversation(client):
    with client.chat.completions.stream(model="gpt-conversation-weather", messages=MESSAGES, tools=[WEATHER_OPENAI]) as stream:
        first = stream.get_final_completion().choices[0]
    assert first.finish_reason == "tool_calls", first.finish_reason
    assert first.message.content == "Let me check.", first.message.content
    calls = [(c.id, c.function.name, json.loads(c.function.arguments)) for c in first.message.tool_calls]
    assert calls == PARALLEL, calls
    assistant = {
        "role": "assistant", "content": first.message.content,
        "tool_calls": [
            {"id": c.id, "type": "function", "function": {"name": c.function.name, "arguments": c.function.arguments}}
            for c in first.message.tool_calls
        ],
    }
    history = MESSAGES + [assistant] + [
        {"role": "tool", "tool_call_id": call_id, "content": "done"} for call_id, _, _ in calls
    ]
    with client.chat.completions.stream(model="gpt-conversation-weather", messages=history, tools=[WEATHER_OPENAI]) as stream:
        second = stream.get_final_completion().choices[0]
    assert (second.finish_reason, second.message.content) == ("stop", FINAL), second


def anthropic_conversation(client):
    with client.messages.stream(
        model="claude-conversation-weather", max_tokens=1024, messages=MESSAGES, tools=[WEATHER_ANTHROPIC]
    ) as stream:
        first = stream.get_final_message()
    assert first.stop_reason == "tool_use", first.stop_reason
    assert [block.type for block in first.content] == ["text", "tool_use", "tool_use"], first.content
    assert first.content[0].text == "Let me check.", first.content[0]
    uses = [(block.id, block.name, block.input) for block in first.content[1:]]
    assert uses == PARALLEL, uses
    results = [{"type": "tool_result", "tool_use_id": use[0], "content": "done", "is_error": False} for use in uses]
    history = MESSAGES + [{"role": "assistant", "content": first.content}, {"role": "user", "content": results}]
    with client.messages.stream(
        model="claude-conversation-weather", max_tokens=1024, messages=history, tools=[WEATHER_ANTHROPIC]
    ) as stream:
        second = stream.get_final_message()
    assert (second.stop_reason, second.content[0].text) == ("end_turn", FINAL), second


def anthropic_http_error(client):
    try:
        client.with_options(max_retries=0).messages.create(
            model="fail-529", max_tokens=10, messages=MESSAGES, stream=True
        )
    except anthropic.APIStatusError as error:
        assert error.status_code == 529, error.status_code
        assert "overloaded_error" in str(error.body), error.body
        return
    raise AssertionError("no APIStatusError")


def anthropic_stream_error(client):
    try:
        with client.messages.stream(model="error-event", max_tokens=10, messages=MESSAGES) as stream:
            for _ in stream.text_stream:
                pass
    except anthropic.APIStatusError as error:
        assert "Overloaded" in str(error), str(error)
        return
    raise AssertionError("no APIStatusError from the error event")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    server = subprocess.Popen(
        [sys.argv[1], "--port", "0", "--delay-ms", "2"], stdout=subprocess.PIPE, text=True
    )
    try:
        port = int(server.stdout.readline().strip())
        base = f"http://127.0.0.1:{port}"
        oai = openai.OpenAI(api_key="sk-fake", base_url=base + "/v1", max_retries=0, timeout=10)
        ant = anthropic.Anthropic(api_key="sk-ant-fake", base_url=base, max_retries=0, timeout=10)
        checks = [
            ("openai text stream", openai_text, oai),
            ("openai tool call", openai_tool_call, oai),
            ("openai conversation, parallel calls", openai_conversation, oai),
            ("openai HTTP 429", openai_http_error, oai),
            ("openai error in stream", openai_stream_error, oai),
            ("anthropic text stream", anthropic_text, ant),
            ("anthropic tool call", anthropic_tool_call, ant),
            ("anthropic conversation, parallel calls", anthropic_conversation, ant),
            ("anthropic HTTP 529", anthropic_http_error, ant),
            ("anthropic error event", anthropic_stream_error, ant),
        ]
        passed = failed = 0
        for name, check, client in checks:
            try:
                check(client)
                passed += 1
                print(f"ok: {name}")
            except Exception:
                failed += 1
                print(f"FAILED: {name}")
                traceback.print_exc()
        print(f"{passed} passed, {failed} failed")
        return 0 if failed == 0 else 1
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
