#!/usr/bin/env bash
# vendor/encoding_rs: the encoding_rs crate from crates.io, trimmed of its Chinese, Japanese
# and Korean decoders and tables (why: vendor/encoding_rs/CHISO.md). Made in three steps,
# each reviewable:
#   1. the pristine .crate, checked against the SHA-256 below (cached under target/);
#   2. removals, listed here: the CJK source files, the CJK index tables of src/data.rs
#      (everything after the single-byte tables but `position`), and cargo's packaging
#      files;
#   3. vendor/encoding_rs.patch, a unified diff of the remaining edits.
#
#   tools/vendor-encoding-rs.sh           write vendor/encoding_rs anew (CHISO.md is kept)
#   tools/vendor-encoding-rs.sh --check   verify vendor/encoding_rs is steps 1-3, change nothing
#   tools/vendor-encoding-rs.sh --diff    write vendor/encoding_rs.patch from vendor/encoding_rs
#                                         as it is (after editing the vendored sources)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=0.8.44
SHA256=89253175e704ab869b04f9db224d38630e0211a53841a79181deae0889e169f5
URL="https://static.crates.io/crates/encoding_rs/encoding_rs-$VERSION.crate"
VENDOR=vendor/encoding_rs
PATCH=vendor/encoding_rs.patch
CACHE=target/vendor-cache/encoding_rs-$VERSION.crate

mode=${1:-write}
case $mode in write | --check | --diff) ;; *)
  echo "usage: $0 [--check | --diff]" >&2
  exit 2
  ;;
esac

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$SHA256" ]; }

# 1. The pristine crate: the cache, else cargo's own download of it, else crates.io.
if ! sha_ok "$CACHE"; then
  mkdir -p "$(dirname "$CACHE")"
  from_cargo=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/encoding_rs-$VERSION.crate 2>/dev/null | head -n 1 || true)
  if [ -n "$from_cargo" ] && sha_ok "$from_cargo"; then
    cp "$from_cargo" "$CACHE"
  else
    curl -fsSL --retry 3 -o "$CACHE.part" "$URL"
    mv "$CACHE.part" "$CACHE"
  fi
fi
if ! sha_ok "$CACHE"; then
  echo "vendor-encoding-rs: $CACHE does not have the SHA-256 $SHA256" >&2
  rm -f "$CACHE"
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$CACHE" -C "$work"
up=$work/encoding_rs-$VERSION

# 2. Removals.
# cargo's packaging files: the upstream commit (.cargo_vcs_info.json, noted in CHISO.md), the
# manifest before cargo rewrote it (Cargo.toml.orig) and a lock file no dependency reads.
rm "$up/.cargo_vcs_info.json" "$up/Cargo.toml.orig" "$up/Cargo.lock"
# The CJK decoders and encoders.
for m in big5 euc_jp euc_kr gb18030 gb18030_2022 iso_2022_jp shift_jis; do
  rm "$up/src/$m.rs"
done
# src/data.rs: the single-byte tables (up to the first CJK table, BIG5_ASTRALNESS, and its
# attribute line) and the function `position`; the CJK index tables and their lookups go.
data=$up/src/data.rs
first_cjk=$(grep -n '^static BIG5_ASTRALNESS' "$data" | cut -d: -f1)
position=$(grep -n '^pub fn position(' "$data" | cut -d: -f1)
[ -n "$first_cjk" ] && [ -n "$position" ] || {
  echo "vendor-encoding-rs: src/data.rs of $VERSION is not laid out as expected" >&2
  exit 1
}
{
  head -n $((first_cjk - 2)) "$data"
  sed -n "$((position - 1)),/^}/p" "$data"
} >"$work/data.rs"
mv "$work/data.rs" "$data"

if [ "$mode" = --diff ]; then
  # 3, backwards: the edits that make the trimmed crate into vendor/encoding_rs.
  mv "$up" "$work/a"
  cp -R "$VENDOR" "$work/b"
  rm -f "$work/b/CHISO.md"
  # Without the files' times, so that the same edits give the same patch.
  (cd "$work" && diff -ruN a b || true) | sed -E 's#^(---|\+\+\+) ([^\t]+)\t.*$#\1 \2#' >"$PATCH"
  echo "wrote $PATCH ($(grep -c '^diff ' "$PATCH") files)"
  exit 0
fi

# 3. The edits.
(cd "$up" && git apply -p1 --whitespace=nowarn) <"$PATCH"

if [ "$mode" = --check ]; then
  if diff -r -x CHISO.md "$up" "$VENDOR"; then
    echo "vendor-encoding-rs: $VENDOR is encoding_rs $VERSION (sha256 $SHA256) with the removals and $PATCH"
  else
    echo "vendor-encoding-rs: $VENDOR differs from encoding_rs $VERSION with the removals and $PATCH (above)" >&2
    exit 1
  fi
  exit 0
fi

# Write vendor/encoding_rs anew, keeping our notes.
cp "$VENDOR/CHISO.md" "$work/CHISO.md"
rm -rf "$VENDOR"
cp -R "$up" "$VENDOR"
cp "$work/CHISO.md" "$VENDOR/CHISO.md"
echo "wrote $VENDOR: encoding_rs $VERSION, trimmed"
