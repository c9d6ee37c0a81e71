#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into DATABASE_URL, replacing what is there,
# in one transaction: scripts/restore.sh FILE. Stop the API and workers first.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
file="${1:?usage: scripts/restore.sh FILE}"
[ -f "$file" ] || { echo "no such backup file: $file" >&2; exit 1; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --dbname="$DATABASE_URL" "$file"
echo "restored $file"
