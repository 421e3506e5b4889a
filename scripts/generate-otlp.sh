#!/usr/bin/env bash
# Regenerates Sources/RunscopeOTLP/Generated/*.pb.swift from the .proto files in
# Sources/RunscopeOTLP/Proto. Run by hand after changing a .proto; CI never runs it
# (the generated code is committed).
#
# Needs protoc (Debian: apt-get install -y protobuf-compiler) and swift-protobuf's
# protoc-gen-swift at the version Package.swift names (1.39.0). Without
# PROTOC_GEN_SWIFT set, the plugin is built once in /tmp/runscope-protoc-gen-swift
# (about 10 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.39.0
proto=Sources/RunscopeOTLP/Proto
out=Sources/RunscopeOTLP/Generated

command -v protoc >/dev/null || { echo "protoc is missing: apt-get install -y protobuf-compiler" >&2; exit 1; }

plugin=${PROTOC_GEN_SWIFT:-}
if [ -z "$plugin" ]; then
  scratch=/tmp/runscope-protoc-gen-swift
  mkdir -p "$scratch/Sources/Dummy"
  cat > "$scratch/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "protoc-gen-swift-build",
    dependencies: [.package(url: "https://github.com/apple/swift-protobuf.git", exact: "$version")],
    targets: [.target(name: "Dummy", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")])])
SWIFT
  echo 'import SwiftProtobuf' > "$scratch/Sources/Dummy/Dummy.swift"
  (cd "$scratch" && swift build -c release --product protoc-gen-swift)
  plugin="$scratch/.build/release/protoc-gen-swift"
fi

rm -f "$out"/*.pb.swift
mkdir -p "$out"
# FileNaming=PathToUnderscores keeps the four files apart in one flat folder;
# Visibility=Public so the tests (another module) can decode what the exporter sends.
protoc --plugin=protoc-gen-swift="$plugin" -I "$proto" \
  --swift_opt=FileNaming=PathToUnderscores --swift_opt=Visibility=Public \
  --swift_out="$out" \
  "$proto"/opentelemetry/proto/common/v1/common.proto \
  "$proto"/opentelemetry/proto/resource/v1/resource.proto \
  "$proto"/opentelemetry/proto/trace/v1/trace.proto \
  "$proto"/opentelemetry/proto/collector/trace/v1/trace_service.proto
ls "$out"

# The field numbers against opentelemetry-proto's own, when its Python package is at hand.
python=${PYTHON:-/tmp/runscope-ci-venv/bin/python}
if "$python" -c 'import opentelemetry.proto' 2>/dev/null; then
  protoc --include_imports --descriptor_set_out=/tmp/runscope-otlp.pb -I "$proto" \
    "$proto"/opentelemetry/proto/collector/trace/v1/trace_service.proto
  "$python" scripts/check-otlp-proto.py /tmp/runscope-otlp.pb
else
  echo "not checked against opentelemetry-proto (pip install opentelemetry-proto, or set PYTHON)"
fi
