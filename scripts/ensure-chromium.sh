#!/usr/bin/env bash
# Install Debian's Chromium (and fonts for readable screenshots and PDFs) when it is missing.
set -eu
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi dejavu; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Chromium is missing: install Debian's 'chromium' package as root." >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian's chromium (needed by the browser tests)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fontconfig >/dev/null
