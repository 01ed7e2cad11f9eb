#!/usr/bin/env bash
# Installs code-server (VS Code's workbench + a real Node extension host) for the real-editor tests.
# Idempotent: does nothing when the pinned version is already installed.
# Recipe and the reasons for each workaround: /work/shared/notes/real-editor-tests.md
set -euo pipefail

# 4.100.3 is the last code-server whose postinstall accepts Node 20 (engines.vscode ^1.100.0).
VERSION=4.100.3

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)
dest="$repo_root/.cache/code-server"
pkg="$dest/node_modules/code-server/package.json"
# Written only after a complete install, so an interrupted install is retried, not trusted.
stamp="$dest/.installed-$VERSION"

installed_version() {
  [[ -f $pkg ]] && node -p "require(process.argv[1]).version" "$pkg" 2>/dev/null || true
}

if [[ -f $stamp && $(installed_version) == "$VERSION" ]]; then
  echo "code-server $VERSION already installed in $dest"
  exit 0
fi

for tool in node npm rg; do
  command -v "$tool" >/dev/null || { echo "missing required tool: $tool" >&2; exit 1; }
done
# Workaround 2: the kerberos native module needs gssapi.h (Debian package libkrb5-dev), assumed present.
if [[ ! -f /usr/include/gssapi/gssapi.h && ! -f /usr/include/gssapi.h ]]; then
  echo "warning: gssapi.h not found; install libkrb5-dev or the kerberos build will fail" >&2
fi

# Workaround 3: @vscode/ripgrep downloads rg from GitHub (unreachable here) unless its cache in
# os.tmpdir() already holds the release archive; seed it with Debian's rg.
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
rg_archive="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -s $rg_archive ]]; then
  mkdir -p "$rg_cache"
  rg_path=$(command -v rg)
  tar -czf "$rg_archive.tmp" -C "$(dirname "$rg_path")" "$(basename "$rg_path")"
  mv "$rg_archive.tmp" "$rg_archive"
fi

# Its own folder and package.json keep code-server out of the extension's lockfile and .vsix.
rm -f "$dest"/.installed-*
mkdir -p "$dest"
if [[ ! -f $dest/package.json ]]; then
  printf '{\n  "name": "socket-doctor-e2e-code-server",\n  "private": true\n}\n' >"$dest/package.json"
fi

# Workaround 1: as root, code-server's postinstall stops unless npm_config_unsafe_perm=true. npm 7 and later
# no longer know that option and warn when they find it in their own environment, so only the install
# scripts get it, through the shell npm runs them with.
script_shell="$dest/script-shell"
printf '#!/bin/sh\nnpm_config_unsafe_perm=true exec /bin/sh "$@"\n' >"$script_shell"
chmod +x "$script_shell"

echo "installing code-server@$VERSION into $dest"
start=$SECONDS
# Workaround 4: node-pty runs `npx node-gyp`, which must not wait for a prompt.
(
  cd "$dest"
  npm_config_script_shell="$script_shell" npm_config_yes=true \
    npm install --no-audit --no-fund --save-exact "code-server@$VERSION"
)

if [[ $(installed_version) != "$VERSION" ]]; then
  echo "code-server install finished but version is '$(installed_version)', expected $VERSION" >&2
  exit 1
fi
"$dest/node_modules/.bin/code-server" --version >/dev/null
touch "$stamp"
echo "code-server $VERSION installed in $((SECONDS - start)) s"
