#!/usr/bin/env bash
# Regenerates deploy/'s ARM template (the RP's Cosmos DB account, database and containers, its
# storage queue, and its managed identity with data-plane roles) from the containers in
# pkg/Database and the queue options in pkg/Queue. test/Deploy fails while the committed files
# differ from a fresh generation.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project hack/deploy/Rp.Deploy.Generator.csproj -c Release -- deploy
