#!/usr/bin/env bash
# `npm test`: every layer in one Vitest run, with a JSON report, then the plain summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

# The browser suite drives Debian's Chromium; install it when missing (root or passwordless sudo).
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: installing Debian's chromium package (needed by the browser tests)..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium. Install it with: sudo apt-get install -y chromium"; exit 1; }
fi
# DynamoDB Local needs Java.
if ! command -v java >/dev/null 2>&1; then
  echo "Java is missing: installing openjdk-17-jre-headless (needed by DynamoDB Local)..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
    || { echo "Could not install Java. Install it with: sudo apt-get install -y openjdk-17-jre-headless"; exit 1; }
fi

mkdir -p .reports
rm -f .reports/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json "$@"
rc=$?
node test/summary.mjs .reports/vitest.json || rc=1
exit $rc
