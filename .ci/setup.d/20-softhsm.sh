#!/usr/bin/env bash
# SoftHSM2 for the PKCS#11 provider tests (test/kms/providers/pkcs11.test.ts),
# and the toolchain node-gyp needs to build pkcs11js during `npm ci` (against
# /usr's Node headers, see .npmrc). The tests create their own tokens in a
# temporary SOFTHSM2_CONF; nothing is initialised here.
set -euo pipefail
PACKAGES=(softhsm2 g++ make python3)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
test -e /usr/lib/softhsm/libsofthsm2.so
command -v softhsm2-util >/dev/null
