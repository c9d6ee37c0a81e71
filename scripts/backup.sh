#!/usr/bin/env bash
# Backs up the platform's database (every schema, including the PostgreSQL queue backend's)
# in pg_dump's custom format: scripts/backup.sh [FILE]. Prints the file written.
# Needs pg_dump of the server's major version or newer.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL (embedded mode: postgres://jipin:jipin@127.0.0.1:54329/jipin)}"
file="${1:-backups/jipin-$(date +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$DATABASE_URL"
echo "$file"
