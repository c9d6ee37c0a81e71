#!/usr/bin/env bash
# Starts the whole platform with one command: installs what is missing,
# starts the embedded PostgreSQL unless DATABASE_URL is set, migrates, loads
# demo data on the first run, and runs the API (serving the web app) and the worker.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node.js 20.19 or newer is required; this is "+process.version); process.exit(1) }'
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing dependencies (first run only)"
  npm ci --no-audit --no-fund
fi
echo "== building"
npm run build --silent
if [ -f apps/web/index.html ]; then npm run build:web --silent; fi
[ -f .env ] && { set -a; . ./.env; set +a; }
exec node dist/scripts/start-platform.js
