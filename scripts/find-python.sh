#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (pyodide-build 0.39 needs it), or nothing.
set -u
candidates=(python3.13 python3.12 python3)
for dir in "$HOME"/.pyenv/versions/3.1[3-9]* "$HOME"/.pyenv/versions/3.12*; do
  [ -x "$dir/bin/python3" ] && candidates+=("$dir/bin/python3")
done
for candidate in "${candidates[@]}"; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
    "$path" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
exit 1
