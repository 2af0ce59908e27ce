#!/usr/bin/env bash
# The layout's rules, checked by `make lint` (issue 15):
#  - the core has no browser crate among its own dependencies (web-sys, js-sys, yew, gloo,
#    wasm-bindgen), the charts none but plotters' own;
#  - no hand-written Rust file over 800 lines (generated *_tables.rs files aside).
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
web='^(web-sys|js-sys|yew|gloo[a-z-]*|wasm-bindgen[a-z-]*) '
for krate in chiso-core chiso-charts; do
  for target in x86_64-unknown-linux-gnu wasm32-unknown-unknown; do
    direct=$(cargo tree -q -p "$krate" --target "$target" -e normal --depth 1 --prefix none | tail -n +2)
    if grep -Eq "$web" <<<"$direct"; then
      echo "check-layout: $krate ($target) depends on a browser crate:" >&2
      grep -E "$web" <<<"$direct" >&2
      fail=1
    fi
  done
done
while read -r lines file; do
  [ "$file" = total ] && continue
  if [ "$lines" -gt 800 ]; then
    echo "check-layout: $file has $lines lines (at most 800; split it by what its parts do)" >&2
    fail=1
  fi
done < <(find src crates examples tests -name '*.rs' ! -name '*_tables.rs' -print0 | xargs -0 wc -l)
exit $fail
