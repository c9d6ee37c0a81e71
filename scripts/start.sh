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
# Its own session: Ctrl-C in the terminal would otherwise reach PostgreSQL, the API and the
# worker at once, and PostgreSQL would stop under the worker's last jobs. The platform gets
# the signal alone and stops them in order: API and worker first, then the database.
setsid node dist/scripts/start-platform.js &
platform=$!
trap 'kill -INT "$platform" 2>/dev/null' INT TERM
status=0
wait "$platform" || status=$?
# A signal interrupts the first wait (status above 128); the second waits for the orderly stop.
if [ "$status" -gt 128 ]; then status=0; wait "$platform" || status=$?; fi
exit "$status"
