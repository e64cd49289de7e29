#!/usr/bin/env bash
# Checks that the code follows .editorconfig (whitespace, code style, naming) without changing a file.
# Exit 0 when clean; otherwise dotnet format lists each file and rule and exits non-zero.
#   scripts/format-check.sh                     the whole solution
#   scripts/format-check.sh --include src/X     extra dotnet format arguments (e.g. one folder)
# To apply the fixes instead: dotnet format SIaM.sln
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet format SIaM.sln --verify-no-changes "$@"
