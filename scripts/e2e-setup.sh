#!/usr/bin/env bash
# Installs what the end-to-end run needs, outside the project's dependencies:
# Debian's Chromium (and the Kerberos headers code-server builds against), and in .vscode-e2e/
# a Node 24 (code-server needs it), code-server (a real VS Code served to the browser) and
# playwright-core (drives Chromium). Idempotent: each step is skipped when already done.
set -euo pipefail

# Versions seen working together on this machine (see /work/shared/spec/TESTING.md).
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

root="$(cd "$(dirname "$0")/.." && pwd)"

# Install as from a plain shell even under `npm test`: the outer npm's npm_config_* variables (its
# project prefix, an empty allow-scripts) would otherwise steer these installs.
for var in $(env | sed -n 's/^\(npm_config_[^=]*\)=.*/\1/p'); do unset "$var"; done
dir="$root/.vscode-e2e"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

mkdir -p "$dir"
cd "$dir"
# npm init would take the folder's name, which npm rejects (a leading dot). npm 11 skips the
# install scripts of dependencies unless allowScripts approves them; the node package's preinstall
# is what puts Node 24 in place (code-server's and argon2's are not needed with --auth none).
[ -f package.json ] || echo '{ "name": "sor-lint-e2e", "private": true, "allowScripts": { "node": true } }' > package.json

installed() { # name version: true when node_modules holds exactly that version
  node -e "process.exit(require('./node_modules/$1/package.json').version === '$2' ? 0 : 1)" 2>/dev/null
}

installed node "$NODE_VERSION" || npm install --no-audit --no-fund "node@$NODE_VERSION"
export PATH="$dir/node_modules/.bin:$PATH"
if ! installed code-server "$CODE_SERVER_VERSION" || ! installed playwright-core "$PLAYWRIGHT_VERSION"; then
  npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
fi

echo "e2e setup ready: $(node --version), code-server $(node -p "require('./node_modules/code-server/package.json').version"), playwright-core $PLAYWRIGHT_VERSION, $(chromium --version 2>/dev/null)"
