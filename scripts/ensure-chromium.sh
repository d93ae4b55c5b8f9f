#!/usr/bin/env bash
# Install Debian's Chromium (and fonts for readable screenshots and PDFs) and a Java runtime
# (for the Nu Html Checker, tests/pages/test_valid_html.py) when they are missing.
set -eu
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi dejavu && command -v java >/dev/null; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Chromium is missing: install Debian's 'chromium' package as root." >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian's chromium and a Java runtime (needed by the browser and HTML tests)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fontconfig default-jre-headless >/dev/null
