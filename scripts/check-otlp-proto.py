#!/usr/bin/env python3
"""Checks runscope's OTLP .proto files against opentelemetry-proto's own descriptors:
every field's number and type, every enum value's number.

Usage: python scripts/check-otlp-proto.py DESCRIPTOR_SET
  (DESCRIPTOR_SET from `protoc --include_imports --descriptor_set_out=FILE`; needs
  `pip install opentelemetry-proto`. scripts/generate-otlp.sh runs it when it can.)"""
import sys

from google.protobuf import descriptor_pb2, descriptor_pool
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2  # noqa: F401 (loads the descriptors)

pool = descriptor_pool.Default()
checked = 0
mismatches = 0


def walk(message: descriptor_pb2.DescriptorProto, full_name: str) -> None:
    global checked, mismatches
    reference = pool.FindMessageTypeByName(full_name)
    for field in message.field:
        checked += 1
        theirs = reference.fields_by_name.get(field.name)
        if theirs is None or theirs.number != field.number or theirs.type != field.type:
            mismatches += 1
            print(f"{full_name}.{field.name}: ours {field.number}/{field.type}, "
                  f"opentelemetry-proto {theirs and (theirs.number, theirs.type)}")
    for enum in message.enum_type:
        values = reference.enum_types_by_name[enum.name].values_by_name
        for value in enum.value:
            checked += 1
            if value.name not in values or values[value.name].number != value.number:
                mismatches += 1
                print(f"{full_name}.{enum.name}.{value.name}: ours {value.number}")
    for nested in message.nested_type:
        walk(nested, f"{full_name}.{nested.name}")


files = descriptor_pb2.FileDescriptorSet()
with open(sys.argv[1], "rb") as handle:
    files.ParseFromString(handle.read())
for file in files.file:
    for message in file.message_type:
        walk(message, f"{file.package}.{message.name}")
print(f"{checked} fields and enum values checked, {mismatches} mismatches")
sys.exit(1 if mismatches else 0)
