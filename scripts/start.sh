#!/usr/bin/env bash
# Starts the whole platform with one command: installs what is missing,
# starts the embedded PostgreSQL unless DATABASE_URL is set, migrates, loads
# demo data on the first run, and runs the API (serving the web app) and the worker.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-deps.sh
echo "== building"
npm run build --silent
if [ -f apps/web/index.html ]; then npm run build:web --silent; fi
[ -f .env ] && { set -a; . ./.env; set +a; }
exec node dist/scripts/start-platform.js
