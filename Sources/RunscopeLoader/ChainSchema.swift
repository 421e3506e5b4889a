/// The JSON Schema of runscope's compact chain format, as `runscope schema` prints
/// it. The same text is `schema/chain.schema.json` in the repository (a test keeps
/// them equal).
public enum ChainSchema {
    /// The schema text.
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://runscope.dev/schema/chain.schema.json",
  "title": "runscope chain file",
  "description": "runscope's compact chain format (docs/chain-format.md). LangChain's serialized form may appear wherever a component can.",
  "type": "object",
  "required": [
    "chain"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "description": {
      "type": "string"
    },
    "input": {
      "description": "The default input."
    },
    "chain": {
      "$ref": "#/$defs/component"
    }
  },
  "additionalProperties": false,
  "$defs": {
    "component": {
      "anyOf": [
        {
          "type": "array",
          "items": {
            "$ref": "#/$defs/component"
          },
          "minItems": 1,
          "description": "A sequence."
        },
        {
          "const": "passthrough"
        },
        {
          "$ref": "#/$defs/langchain"
        },
        {
          "type": "object",
          "description": "A prompt: one human template, or [role, template] pairs (a chat prompt).",
          "required": [
            "prompt"
          ],
          "properties": {
            "prompt": {
              "anyOf": [
                {
                  "type": "string"
                },
                {
                  "type": "array",
                  "items": {
                    "type": "array",
                    "prefixItems": [
                      {
                        "enum": [
                          "system",
                          "human",
                          "user",
                          "ai",
                          "assistant",
                          "tool",
                          "placeholder"
                        ]
                      },
                      {
                        "type": "string"
                      }
                    ],
                    "minItems": 2,
                    "maxItems": 2
                  }
                }
              ]
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            },
            "format": {
              "enum": [
                "f-string",
                "mustache"
              ]
            },
            "partial": {
              "type": "object"
            },
            "type": {
              "enum": [
                "chat",
                "string"
              ]
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "A chat model.",
          "required": [
            "model"
          ],
          "properties": {
            "model": {
              "enum": [
                "scripted",
                "fake-list",
                "openai",
                "anthropic",
                "ollama"
              ]
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            },
            "responses": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "messages": {
              "type": "array",
              "items": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "object",
                    "properties": {
                      "content": {
                        "type": "string"
                      },
                      "tool_calls": {
                        "type": "array",
                        "items": {
                          "type": "object",
                          "required": [
                            "name"
                          ],
                          "properties": {
                            "name": {
                              "type": "string"
                            },
                            "args": {
                              "type": "object"
                            },
                            "id": {
                              "type": "string"
                            }
                          }
                        }
                      },
                      "error": {
                        "type": "string"
                      },
                      "error_after": {
                        "type": "integer",
                        "minimum": 0
                      }
                    },
                    "additionalProperties": false
                  }
                ]
              }
            },
            "token_delay": {
              "type": "number",
              "minimum": 0,
              "maximum": 60
            },
            "sleep": {
              "type": "number",
              "minimum": 0
            },
            "error": {
              "type": "string"
            },
            "error_after": {
              "type": "integer",
              "minimum": 0
            },
            "streaming": {
              "type": "boolean"
            },
            "tools": {
              "type": "array",
              "items": {
                "$ref": "#/$defs/toolName"
              }
            },
            "model_name": {
              "type": "string"
            },
            "temperature": {
              "type": "number"
            },
            "max_tokens": {
              "type": "integer",
              "minimum": 1
            },
            "stop": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "base_url": {
              "type": "string"
            },
            "api_key_env": {
              "type": "string"
            },
            "timeout": {
              "type": "number"
            },
            "max_retries": {
              "type": "integer",
              "minimum": 0
            },
            "headers": {
              "type": "object",
              "additionalProperties": {
                "type": "string"
              }
            },
            "model_kwargs": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "An output parser.",
          "required": [
            "parser"
          ],
          "properties": {
            "parser": {
              "enum": [
                "str",
                "string",
                "json",
                "list",
                "comma_list"
              ]
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Steps run one after another.",
          "required": [
            "sequence"
          ],
          "properties": {
            "sequence": {
              "type": "array",
              "items": {
                "$ref": "#/$defs/component"
              },
              "minItems": 1
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Branches run concurrently on the same input.",
          "required": [
            "parallel"
          ],
          "properties": {
            "parallel": {
              "type": "object",
              "additionalProperties": {
                "$ref": "#/$defs/component"
              },
              "minProperties": 1
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Returns its input.",
          "required": [
            "passthrough"
          ],
          "properties": {
            "passthrough": {
              "const": true
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Adds keys computed from the input object.",
          "required": [
            "assign"
          ],
          "properties": {
            "assign": {
              "type": "object",
              "additionalProperties": {
                "$ref": "#/$defs/component"
              },
              "minProperties": 1
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Picks keys of the input object.",
          "required": [
            "pick"
          ],
          "properties": {
            "pick": {
              "anyOf": [
                {
                  "type": "string"
                },
                {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              ]
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Runs the first branch whose condition holds, else the default.",
          "required": [
            "branch",
            "default"
          ],
          "properties": {
            "branch": {
              "type": "array",
              "items": {
                "type": "object",
                "required": [
                  "if",
                  "then"
                ],
                "properties": {
                  "if": {
                    "anyOf": [
                      {
                        "type": "object",
                        "description": "A condition on the input (or one of its keys).",
                        "properties": {
                          "key": {
                            "type": "string"
                          },
                          "equals": {},
                          "not_equals": {},
                          "contains": {
                            "type": "string"
                          },
                          "matches": {
                            "type": "string"
                          },
                          "exists": {
                            "type": "boolean"
                          },
                          "in": {
                            "type": "array"
                          }
                        },
                        "additionalProperties": false
                      },
                      {
                        "$ref": "#/$defs/component"
                      }
                    ]
                  },
                  "then": {
                    "$ref": "#/$defs/component"
                  }
                },
                "additionalProperties": false
              }
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            },
            "default": {
              "$ref": "#/$defs/component"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Runs the first component; on error, the next.",
          "required": [
            "fallbacks"
          ],
          "properties": {
            "fallbacks": {
              "type": "array",
              "items": {
                "$ref": "#/$defs/component"
              },
              "minItems": 2
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            },
            "handles": {
              "type": "array",
              "items": {
                "type": "string"
              }
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Runs a component again when it fails.",
          "required": [
            "retry"
          ],
          "properties": {
            "retry": {
              "$ref": "#/$defs/component"
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            },
            "max_attempts": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            },
            "on": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "wait": {
              "anyOf": [
                {
                  "type": "boolean"
                },
                {
                  "type": "object",
                  "properties": {
                    "initial": {
                      "type": "number"
                    },
                    "max": {
                      "type": "number"
                    },
                    "jitter": {
                      "type": "number"
                    }
                  },
                  "additionalProperties": false
                }
              ]
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "A condition as a component (true or false).",
          "required": [
            "test"
          ],
          "properties": {
            "test": {
              "type": "object",
              "description": "A condition on the input (or one of its keys).",
              "properties": {
                "key": {
                  "type": "string"
                },
                "equals": {},
                "not_equals": {},
                "contains": {
                  "type": "string"
                },
                "matches": {
                  "type": "string"
                },
                "exists": {
                  "type": "boolean"
                },
                "in": {
                  "type": "array"
                }
              },
              "additionalProperties": false
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "An in-memory BM25 retriever.",
          "required": [
            "retriever"
          ],
          "properties": {
            "retriever": {
              "type": "object",
              "required": [
                "documents"
              ],
              "properties": {
                "documents": {
                  "type": "array",
                  "items": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "object",
                        "properties": {
                          "page_content": {
                            "type": "string"
                          },
                          "text": {
                            "type": "string"
                          },
                          "metadata": {
                            "type": "object"
                          },
                          "id": {
                            "type": "string"
                          }
                        },
                        "additionalProperties": false
                      }
                    ]
                  }
                },
                "k": {
                  "type": "integer",
                  "minimum": 1
                }
              },
              "additionalProperties": false
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Runs a built-in tool on its input.",
          "required": [
            "tool"
          ],
          "properties": {
            "tool": {
              "$ref": "#/$defs/toolName"
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Runs the tool calls of an AI message.",
          "required": [
            "call_tools"
          ],
          "properties": {
            "call_tools": {
              "type": "array",
              "items": {
                "$ref": "#/$defs/toolName"
              }
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "Joins the texts of a list with a separator.",
          "required": [
            "join"
          ],
          "properties": {
            "join": {
              "type": "string"
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "A step that always fails (to rehearse error handling).",
          "required": [
            "raise"
          ],
          "properties": {
            "raise": {
              "type": "string"
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            },
            "type": {
              "type": "string",
              "description": "The error's type name (default ValueError)."
            }
          },
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "A tool-calling agent run as LangGraph runs create_agent: model steps and tool steps until the model answers without tool calls.",
          "required": [
            "agent"
          ],
          "properties": {
            "agent": {
              "type": "object",
              "required": [
                "model"
              ],
              "properties": {
                "model": {
                  "$ref": "#/$defs/component",
                  "description": "The chat model (any model component); the tools are bound to every call."
                },
                "tools": {
                  "type": "array",
                  "items": {
                    "$ref": "#/$defs/agentTool"
                  }
                },
                "system": {
                  "type": "string",
                  "description": "The system prompt, given to the model on every step (not stored in the conversation)."
                },
                "max_steps": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 10000,
                  "description": "LangGraph's recursion limit: at most this many graph steps (default 25)."
                },
                "name": {
                  "type": "string",
                  "description": "The agent's name: its run's name (default LangGraph) and lc_agent_name, as create_agent(name=...)."
                }
              },
              "additionalProperties": false
            },
            "name": {
              "type": "string",
              "description": "Run name shown in traces; for an agent, the agent's name (LangGraph's root run name and lc_agent_name)."
            },
            "tags": {
              "type": "array",
              "items": {
                "type": "string"
              }
            },
            "metadata": {
              "type": "object"
            }
          },
          "additionalProperties": false
        }
      ]
    },
    "langchain": {
      "type": "object",
      "description": "An entry in LangChain's serialized form.",
      "required": [
        "lc",
        "type",
        "id"
      ],
      "properties": {
        "lc": {
          "const": 1
        },
        "type": {
          "enum": [
            "constructor",
            "secret",
            "not_implemented"
          ]
        },
        "id": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "kwargs": {
          "type": "object"
        },
        "name": {
          "type": "string"
        },
        "repr": {
          "type": "string"
        }
      }
    },
    "toolName": {
      "enum": [
        "calculator"
      ]
    },
    "agentTool": {
      "anyOf": [
        {
          "$ref": "#/$defs/toolName"
        },
        {
          "type": "object",
          "description": "A scripted tool: answers with 'returns' (a template over its arguments) or fails with 'error' (handled: the model reads it; with raise: true the run fails).",
          "required": [
            "name"
          ],
          "properties": {
            "name": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]{1,64}$"
            },
            "description": {
              "type": "string"
            },
            "parameters": {
              "anyOf": [
                {
                  "type": "object",
                  "description": "Shorthand: argument name to JSON type (every argument required).",
                  "additionalProperties": {
                    "enum": [
                      "string",
                      "number",
                      "integer",
                      "boolean",
                      "object",
                      "array"
                    ]
                  }
                },
                {
                  "type": "object",
                  "description": "A JSON Schema object.",
                  "required": [
                    "type"
                  ],
                  "properties": {
                    "type": {
                      "const": "object"
                    }
                  }
                }
              ]
            },
            "returns": {
              "type": "string"
            },
            "error": {
              "type": "string"
            },
            "raise": {
              "type": "boolean"
            },
            "delay": {
              "type": "number",
              "minimum": 0,
              "maximum": 600
            },
            "approve": {
              "type": "boolean",
              "description": "Each call waits for the user's decision in the terminal UI (as with --approve-tools)."
            }
          },
          "oneOf": [
            {
              "required": [
                "returns"
              ]
            },
            {
              "required": [
                "error"
              ]
            }
          ],
          "additionalProperties": false
        },
        {
          "type": "object",
          "description": "A retriever as a tool: the model asks with a query, the documents come back as text.",
          "required": [
            "retriever",
            "name"
          ],
          "properties": {
            "retriever": {
              "type": "object",
              "required": [
                "documents"
              ],
              "properties": {
                "documents": {
                  "type": "array"
                },
                "k": {
                  "type": "integer",
                  "minimum": 1
                }
              },
              "additionalProperties": false
            },
            "name": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]{1,64}$"
            },
            "description": {
              "type": "string"
            },
            "approve": {
              "type": "boolean",
              "description": "Each call waits for the user's decision in the terminal UI (as with --approve-tools)."
            }
          },
          "additionalProperties": false
        }
      ]
    }
  }
}

"""#
}
