#!/usr/bin/env bash
# vendor/CRATE: a crate from crates.io with a few changes of ours (why, what and how to
# update: vendor/CRATE/CHISO.md), used through `[patch.crates-io]` in Cargo.toml. Made in
# three steps, each reviewable:
#   1. the pristine .crate, checked against its SHA-256 below (cached under target/);
#   2. removals, listed below per crate (always cargo's packaging files);
#   3. vendor/CRATE.patch, a unified diff of the remaining edits.
#
#   tools/vendor.sh CRATE           write vendor/CRATE anew (CHISO.md is kept)
#   tools/vendor.sh CRATE --check   verify vendor/CRATE is steps 1-3, change nothing
#   tools/vendor.sh CRATE --diff    write vendor/CRATE.patch from vendor/CRATE as it is
#                                   (after editing the vendored sources)
#   tools/vendor.sh --check         --check every vendored crate
set -euo pipefail
cd "$(dirname "$0")/.."

CRATES="encoding_rs calamine hayro-syntax"

if [ "${1:-}" = --check ]; then
  for c in $CRATES; do "$0" "$c" --check; done
  exit 0
fi
crate=${1:-}
mode=${2:-write}
case $mode in write | --check | --diff) ;; *) crate= ;; esac

# encoding_rs without its Chinese, Japanese and Korean decoders and tables.
removals_encoding_rs() {
  local up=$1
  for m in big5 euc_jp euc_kr gb18030 gb18030_2022 iso_2022_jp shift_jis; do
    rm "$up/src/$m.rs"
  done
  # src/data.rs: the single-byte tables (up to the first CJK table, BIG5_ASTRALNESS, and
  # its attribute line) and the function `position`; the CJK index tables and their
  # lookups go.
  local data=$up/src/data.rs first_cjk position
  first_cjk=$(grep -n '^static BIG5_ASTRALNESS' "$data" | cut -d: -f1)
  position=$(grep -n '^pub fn position(' "$data" | cut -d: -f1)
  [ -n "$first_cjk" ] && [ -n "$position" ] || {
    echo "vendor: src/data.rs of encoding_rs $VERSION is not laid out as expected" >&2
    exit 1
  }
  {
    head -n $((first_cjk - 2)) "$data"
    sed -n "$((position - 1)),/^}/p" "$data"
  } >"$up/data.rs.new"
  mv "$up/data.rs.new" "$data"
}

# calamine: its GitHub templates and workflows (the change is all in the patch).
removals_calamine() { rm -r "$1/.github"; }

# hayro-syntax: nothing of its own (the change is all in the patch).
removals_hayro-syntax() { :; }

case $crate in
  encoding_rs)
    VERSION=0.8.44
    SHA256=89253175e704ab869b04f9db224d38630e0211a53841a79181deae0889e169f5
    ;;
  calamine)
    VERSION=0.38.0
    SHA256=f431b67cba6122a1f7d26b7adafc71bbdf07026095fe811f5efc025d8748e1d8
    ;;
  hayro-syntax)
    VERSION=0.9.0
    SHA256=a6ced8279487b029813f6cc05399099fa34df6fa23d8f7b0d41d972c49d5b30d
    ;;
  *)
    echo "usage: $0 CRATE [--check | --diff]   (CRATE: ${CRATES// /, }), or $0 --check" >&2
    exit 2
    ;;
esac
URL="https://static.crates.io/crates/$crate/$crate-$VERSION.crate"
VENDOR=vendor/$crate
PATCH=vendor/$crate.patch
CACHE=target/vendor-cache/$crate-$VERSION.crate

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$SHA256" ]; }

# 1. The pristine crate: the cache, else cargo's own download of it, else crates.io.
if ! sha_ok "$CACHE"; then
  mkdir -p "$(dirname "$CACHE")"
  from_cargo=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$crate-$VERSION.crate" 2>/dev/null | head -n 1 || true)
  if [ -n "$from_cargo" ] && sha_ok "$from_cargo"; then
    cp "$from_cargo" "$CACHE"
  else
    curl -fsSL --retry 3 -o "$CACHE.part" "$URL"
    mv "$CACHE.part" "$CACHE"
  fi
fi
if ! sha_ok "$CACHE"; then
  echo "vendor: $CACHE does not have the SHA-256 $SHA256" >&2
  rm -f "$CACHE"
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$CACHE" -C "$work"
up=$work/$crate-$VERSION

# 2. Removals. cargo's packaging files: the upstream commit (.cargo_vcs_info.json, noted in
# CHISO.md), the manifest before cargo rewrote it (Cargo.toml.orig) and a lock file no
# dependency reads; then the crate's own.
rm -f "$up/.cargo_vcs_info.json" "$up/Cargo.toml.orig" "$up/Cargo.lock"
"removals_$crate" "$up"

if [ "$mode" = --diff ]; then
  # 3, backwards: the edits that make the trimmed crate into vendor/CRATE.
  mv "$up" "$work/a"
  cp -R "$VENDOR" "$work/b"
  rm -f "$work/b/CHISO.md"
  # Without the files' times, so that the same edits give the same patch.
  (cd "$work" && diff -ruN a b || true) | sed -E 's#^(---|\+\+\+) ([^\t]+)\t.*$#\1 \2#' >"$PATCH"
  echo "wrote $PATCH ($(grep -c '^diff ' "$PATCH") files)"
  exit 0
fi

# 3. The edits.
(cd "$up" && git apply -p1 --whitespace=nowarn --allow-empty) <"$PATCH"

if [ "$mode" = --check ]; then
  if diff -r -x CHISO.md "$up" "$VENDOR"; then
    echo "vendor: $VENDOR is $crate $VERSION (sha256 $SHA256) with the removals and $PATCH"
  else
    echo "vendor: $VENDOR differs from $crate $VERSION with the removals and $PATCH (above)" >&2
    exit 1
  fi
  exit 0
fi

# Write vendor/CRATE anew, keeping our notes.
[ -f "$VENDOR/CHISO.md" ] && cp "$VENDOR/CHISO.md" "$work/CHISO.md"
rm -rf "$VENDOR"
cp -R "$up" "$VENDOR"
[ -f "$work/CHISO.md" ] && cp "$work/CHISO.md" "$VENDOR/CHISO.md"
echo "wrote $VENDOR: $crate $VERSION with our changes"
