#!/usr/bin/env bash
# Installs dependencies when package-lock.json changed since the last install
# (or on a fresh clone). Sourced by start.sh and test.sh.
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node.js 20.19 or newer is required; this is "+process.version); process.exit(1) }'
lock_hash="$(sha256sum package-lock.json | cut -c1-64)"
if [ "$(cat node_modules/.jipin-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "== installing dependencies"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.jipin-lock-hash
fi
