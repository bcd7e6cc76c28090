#!/usr/bin/env bash
# Debian packages the tests need. Each later step may add its own; they are
# listed here so one `apt-get update` serves all of them.
set -euo pipefail
PACKAGES=(git)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
