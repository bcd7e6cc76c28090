#!/usr/bin/env bash
# Installs code-server (VS Code's web build plus its Node extension host) into
# ~/.cache/keywarden-e2e/<version>, outside the repository, once per version.
# code-server 4.100.3 (VS Code 1.100.3) is the last release that runs on Node 20.
# Its install scripts would download binaries, so they are skipped and the native
# modules are rebuilt from source (needs libkrb5-dev, see .ci/setup.d/30-e2e.sh);
# ripgrep comes from Debian. See shared notes "vscode-e2e.md".
set -euo pipefail
VERSION="${KEYWARDEN_CODE_SERVER_VERSION:-4.100.3}"
CACHE="${KEYWARDEN_E2E_CACHE:-$HOME/.cache/keywarden-e2e}"
DEST="$CACHE/$VERSION"
if [ -f "$DEST/.complete" ]; then
  echo "code-server $VERSION is cached in $DEST"
  exit 0
fi
for tool in rg g++ make python3; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing; run .ci/setup.d/30-e2e.sh" >&2; exit 1; }
done
[ -e /usr/include/gssapi/gssapi.h ] || { echo "install-code-server: libkrb5-dev is missing; run .ci/setup.d/30-e2e.sh" >&2; exit 1; }

STAGE="$DEST.partial.$$"
rm -rf "$STAGE"
mkdir -p "$STAGE"
trap 'rm -rf "$STAGE"' EXIT
cd "$STAGE"
echo '{"name":"keywarden-e2e-code-server","private":true}' > package.json
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION"
npm rebuild argon2 --loglevel=error
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild --loglevel=error
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error)
cd "$STAGE"
[ -f node_modules/code-server/lib/vscode/out/server-main.js ] || { echo "install-code-server: server-main.js missing" >&2; exit 1; }
touch .complete
trap - EXIT
rm -rf "$DEST"
mv "$STAGE" "$DEST"
echo "code-server $VERSION installed in $DEST"
