/// The price table that ships with runscope, as a price file (the same format `--prices FILE`
/// reads). Every entry names its source and the date it was read there; update an entry by
/// reading the source again, and change its date with it.
enum BuiltInPrices {
    static let json = #"""
{
  "currency": "USD",
  "unit": "per million tokens",
  "prices": [
    {
      "provider": "openai",
      "model": "gpt-5.5",
      "input": 5.0,
      "cached_input": 0.5,
      "output": 30.0,
      "source": "https://www.morphllm.com/openai-api-pricing",
      "date": "2026-06",
      "note": "the official page as that source read it in June 2026"
    },
    {
      "provider": "openai",
      "model": "gpt-5.4",
      "input": 2.5,
      "cached_input": 0.25,
      "output": 15.0,
      "source": "https://www.morphllm.com/openai-api-pricing",
      "date": "2026-06",
      "note": "the official page as that source read it in June 2026"
    },
    {
      "provider": "openai",
      "model": "gpt-5.4-mini",
      "input": 0.75,
      "cached_input": 0.075,
      "output": 4.5,
      "source": "https://www.morphllm.com/openai-api-pricing",
      "date": "2026-06",
      "note": "the official page as that source read it in June 2026"
    },
    {
      "provider": "openai",
      "model": "gpt-5.4-nano",
      "input": 0.2,
      "cached_input": 0.02,
      "output": 1.25,
      "source": "https://www.morphllm.com/openai-api-pricing",
      "date": "2026-06",
      "note": "the official page as that source read it in June 2026"
    },
    {
      "provider": "openai",
      "model": "gpt-5",
      "aliases": [
        "gpt-5-chat"
      ],
      "input": 1.25,
      "cached_input": 0.125,
      "output": 10.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-5-mini",
      "input": 0.25,
      "cached_input": 0.025,
      "output": 2.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-5-nano",
      "input": 0.05,
      "cached_input": 0.005,
      "output": 0.4,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-4.1",
      "input": 2.0,
      "cached_input": 0.5,
      "output": 8.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-4.1-mini",
      "input": 0.4,
      "cached_input": 0.1,
      "output": 1.6,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-4.1-nano",
      "input": 0.1,
      "cached_input": 0.025,
      "output": 0.4,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-4o",
      "aliases": [
        "chatgpt-4o"
      ],
      "input": 2.5,
      "cached_input": 1.25,
      "output": 10.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-4o-2024-05-13",
      "input": 5.0,
      "output": 15.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07",
      "note": "the first gpt-4o snapshot, priced apart"
    },
    {
      "provider": "openai",
      "model": "gpt-4o-mini",
      "input": 0.15,
      "cached_input": 0.075,
      "output": 0.6,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "o1",
      "input": 15.0,
      "cached_input": 7.5,
      "output": 60.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "o3",
      "input": 2.0,
      "cached_input": 0.5,
      "output": 8.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "o3-mini",
      "input": 1.1,
      "cached_input": 0.55,
      "output": 4.4,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "o4-mini",
      "input": 1.1,
      "cached_input": 0.275,
      "output": 4.4,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-4-turbo",
      "input": 10.0,
      "output": 30.0,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "openai",
      "model": "gpt-3.5-turbo",
      "input": 0.5,
      "output": 1.5,
      "source": "https://platform.openai.com/docs/pricing",
      "date": "2025-08-07"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-5",
      "input": 5,
      "cached_input": 0.5,
      "cache_write": 6.25,
      "output": 25,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-4-8",
      "input": 5,
      "cached_input": 0.5,
      "cache_write": 6.25,
      "output": 25,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-4-7",
      "input": 5,
      "cached_input": 0.5,
      "cache_write": 6.25,
      "output": 25,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-4-6",
      "input": 5,
      "cached_input": 0.5,
      "cache_write": 6.25,
      "output": 25,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-4-5",
      "input": 5,
      "cached_input": 0.5,
      "cache_write": 6.25,
      "output": 25,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-4-1",
      "input": 15,
      "cached_input": 1.5,
      "cache_write": 18.75,
      "output": 75,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-opus-4",
      "aliases": [
        "claude-opus-4-0"
      ],
      "input": 15,
      "cached_input": 1.5,
      "cache_write": 18.75,
      "output": 75,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-3-opus",
      "input": 15,
      "cached_input": 1.5,
      "cache_write": 18.75,
      "output": 75,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-sonnet-4-6",
      "input": 3,
      "cached_input": 0.3,
      "cache_write": 3.75,
      "output": 15,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-sonnet-4-5",
      "input": 3,
      "cached_input": 0.3,
      "cache_write": 3.75,
      "output": 15,
      "long_context": {
        "above": 200000,
        "input": 6,
        "cached_input": 0.6,
        "cache_write": 7.5,
        "output": 22.5
      },
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-sonnet-4",
      "aliases": [
        "claude-sonnet-4-0"
      ],
      "input": 3,
      "cached_input": 0.3,
      "cache_write": 3.75,
      "output": 15,
      "long_context": {
        "above": 200000,
        "input": 6,
        "cached_input": 0.6,
        "cache_write": 7.5,
        "output": 22.5
      },
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-3-7-sonnet",
      "input": 3,
      "cached_input": 0.3,
      "cache_write": 3.75,
      "output": 15,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-3-5-sonnet",
      "input": 3,
      "cached_input": 0.3,
      "cache_write": 3.75,
      "output": 15,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-haiku-4-5",
      "input": 1,
      "cached_input": 0.1,
      "cache_write": 1.25,
      "output": 5,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-3-5-haiku",
      "input": 0.8,
      "cached_input": 0.08,
      "cache_write": 1,
      "output": 4,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "anthropic",
      "model": "claude-3-haiku",
      "input": 0.25,
      "cached_input": 0.03,
      "cache_write": 0.3,
      "output": 1.25,
      "source": "https://platform.claude.com/docs/en/about-claude/pricing",
      "date": "2026-12-02",
      "note": "cache writes at the 5-minute rate"
    },
    {
      "provider": "ollama",
      "model": "llama3.3",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "llama3.2",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "llama3.1",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "llama3",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "qwen3",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "qwen2.5",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "qwen2.5-coder",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "mistral",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "mistral-nemo",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "gemma3",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "gemma2",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "phi4",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "phi3",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "deepseek-r1",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    },
    {
      "provider": "ollama",
      "model": "gpt-oss",
      "input": 0,
      "output": 0,
      "source": "https://github.com/ollama/ollama",
      "date": "2026-12-02",
      "note": "runs on your machine through Ollama: no per-token charge"
    }
  ]
}
"""#
}
