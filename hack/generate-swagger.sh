#!/usr/bin/env bash
# Regenerates swagger/ (one OpenAPI 2.0 spec per api-version, their examples and the ARM common
# types they refer to) from the versioned models in pkg/Api. test/Swagger fails while the
# committed files differ from a fresh generation.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project hack/swagger/Rp.Swagger.Generator.csproj -c Release -- swagger
