#!/usr/bin/env bash
# End-to-end tests of the VS Code extension (test/e2e): headless Debian
# chromium driven by playwright-core, and code-server (a real VS Code) built
# from the npm registry without downloads, cached outside the repository.
set -euo pipefail
PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev python3 make g++)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
bash "$(dirname "$0")/../../test/e2e/install-code-server.sh"
