#!/usr/bin/env bash
# Runs Jest on the project's Node 24 with ES modules enabled (NestJS 12 is ESM-only);
# arguments go to Jest: a file path, -t 'name', --watch, --testPathPatterns '\.spec\.ts$'.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh >/dev/null
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js "$@"
