#!/usr/bin/env bash
# pg_dump and pg_restore of major version 18 or later, for `npm run backup` /
# `npm run restore` and their test. Prints the folder holding both on stdout
# (one line) and what it chose on stderr; exits 1 with a clear message if none.
#
# Looked for in order: $ATTUNE_PG_BIN (a folder: deployments install
# postgresql-client-18 properly and point here), PATH, /usr/lib/postgresql/*/bin,
# then .tools/pg18 (fetched before). Failing those, Debian sid's
# postgresql-client-18 is fetched into .tools/pg18: bookworm has only 15 (which
# refuses an 18 server), PGDG's repository is unreachable here, and the
# embedded-postgres package ships no pg_dump. sid's binaries need a newer glibc
# than bookworm's, so they run through sid's own loader (wrapper scripts).
# See docs/decisions/0024-backups-with-pg-dump-18.md.
set -euo pipefail
MIN_MAJOR=18
# A Debian mirror that carries sid (a local mirror, or a dead address to try the failure path).
MIRROR="${ATTUNE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools/pg18"
say() { echo "[attune] $*" >&2; }

# The major version of "$1/$2" (e.g. "pg_dump (PostgreSQL) 18.6" → 18), or nothing.
major_of() {
  local out
  out="$("$1/$2" --version 2>/dev/null)" || return 0
  [[ $out =~ \)\ ([0-9]+) ]] && echo "${BASH_REMATCH[1]}"
  return 0
}
# True when folder $1 holds a pg_dump and a pg_restore that run and are new enough.
usable() {
  local d=$1 a b
  [ -x "$d/pg_dump" ] && [ -x "$d/pg_restore" ] || return 1
  a="$(major_of "$d" pg_dump)"
  b="$(major_of "$d" pg_restore)"
  [ -n "$a" ] && [ -n "$b" ] && [ "$a" -ge "$MIN_MAJOR" ] && [ "$b" -ge "$MIN_MAJOR" ]
}
use() {
  say "using $("$1/pg_dump" --version) and its pg_restore, from $1"
  echo "$1"
  exit 0
}

if [ -n "${ATTUNE_PG_BIN:-}" ]; then
  # Set on purpose: no quiet fallback to something else.
  usable "$ATTUNE_PG_BIN" && use "$ATTUNE_PG_BIN"
  say "ATTUNE_PG_BIN=$ATTUNE_PG_BIN has no working pg_dump and pg_restore of version $MIN_MAJOR or later."
  exit 1
fi
if command -v pg_dump >/dev/null; then
  d="$(dirname "$(command -v pg_dump)")"
  usable "$d" && use "$d"
fi
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  usable "$d" && use "$d"
done
usable "$tools/bin" && use "$tools/bin"

case "$(dpkg --print-architecture 2>/dev/null || true)" in
  amd64) triplet=x86_64-linux-gnu loader=ld-linux-x86-64.so.2 ;;
  arm64) triplet=aarch64-linux-gnu loader=ld-linux-aarch64.so.1 ;;
  *) triplet="" ;;
esac
if [ -z "$triplet" ] || ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
  say "No pg_dump/pg_restore $MIN_MAJOR+ found, and this is not a Debian-like amd64/arm64 machine to fetch them on."
  say "Install postgresql-client-$MIN_MAJOR (https://www.postgresql.org/download/) and set ATTUNE_PG_BIN to its bin folder."
  exit 1
fi

# One fetch at a time (two test runs starting together): the second finds the first's result.
mkdir -p "$root/.tools"
exec 9>"$root/.tools/pg18.lock"
command -v flock >/dev/null && flock 9
usable "$tools/bin" && use "$tools/bin"

say "no pg_dump $MIN_MAJOR+ here: fetching Debian sid's postgresql-client-$MIN_MAJOR into ${tools#"$root"/} …"
work="$(mktemp -d "$root/.tools/pg18.partial.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# A private apt setup naming sid only: the machine's own apt sources and state are left alone.
mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/debs" "$work/root"
printf 'Types: deb\nURIs: %s\nSuites: sid\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  "$MIRROR" > "$work/apt/sid.sources"
apt_opts=(
  -o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$work/apt"
  -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
  -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=$(id -un)" -o "Debug::NoLocking=1"
)
if ! apt-get "${apt_opts[@]}" -qq update >"$work/apt.log" 2>&1 ||
  ! (cd "$work/debs" && apt-get "${apt_opts[@]}" -qq download \
    "postgresql-client-$MIN_MAJOR" libpq5 libc6 libldap2 libsasl2-2 libsasl2-modules-db >>"$work/apt.log" 2>&1); then
  tail -n 5 "$work/apt.log" >&2
  say "Could not fetch postgresql-client-$MIN_MAJOR from $MIRROR (sid)."
  say "Install postgresql-client-$MIN_MAJOR yourself and set ATTUNE_PG_BIN to its bin folder (e.g. /usr/lib/postgresql/$MIN_MAJOR/bin)."
  exit 1
fi
for f in "$work"/debs/*.deb; do dpkg-deb -x "$f" "$work/root"; done
bin_dir="$(ls -d "$work"/root/usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
major="$(basename "$(dirname "$bin_dir")")"

mkdir -p "$work/out/bin"
mv "$work/root" "$work/out/root"
for tool in pg_dump pg_restore; do
  # sid's own loader and libraries first, then the system's for the rest (ssl, zlib, lz4, zstd…).
  cat >"$work/out/bin/$tool" <<EOF
#!/bin/sh
# Debian sid's $tool $major through sid's own loader (scripts/ensure-pg-tools.sh).
here="\$(dirname "\$(readlink -f "\$0")")/../root"
lib="\$here/usr/lib/$triplet"
exec "\$lib/$loader" --library-path "\$lib:/lib/$triplet:/usr/lib/$triplet" "\$here/usr/lib/postgresql/$major/bin/$tool" "\$@"
EOF
  chmod +x "$work/out/bin/$tool"
done
if ! usable "$work/out/bin"; then
  "$work/out/bin/pg_dump" --version >&2 || true
  say "The fetched pg_dump does not run on this machine. Install postgresql-client-$MIN_MAJOR and set ATTUNE_PG_BIN."
  exit 1
fi
# Put in place whole, so a run cut short never leaves a half-made folder that looks done.
mkdir -p "$(dirname "$tools")"
rm -rf "$tools"
mv "$work/out" "$tools"
use "$tools/bin"
