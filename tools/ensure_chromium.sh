#!/bin/sh
# Make sure the browser tests (tests/test_browser.py) can run: Debian's `chromium` and the fonts
# the reports name (fonts-liberation: Liberation Serif has the metrics of Times New Roman, the
# note's typeface, so the printed note has the page count the direction sees; DejaVu for the
# analysis report). Installs what is missing with apt-get when it can (as root, or with sudo
# that needs no password), quietly.
#
# Exit 0 when everything is there or was installed. When it cannot install, says so in one
# message and exits 0 (the browser tests are then skipped), or 1 when IANOTE_REQUIRE_BROWSER=1
# (CI), where those tests must run.
set -u

want_fail() {
    echo "ensure_chromium: $1" >&2
    if [ "${IANOTE_REQUIRE_BROWSER:-}" = "1" ]; then
        exit 1
    fi
    echo "ensure_chromium: the browser tests will be skipped." >&2
    exit 0
}

if [ -n "${IANOTE_CHROMIUM:-}" ]; then
    [ -x "$IANOTE_CHROMIUM" ] || want_fail "IANOTE_CHROMIUM=$IANOTE_CHROMIUM is not an executable."
    exit 0  # a browser of the user's choice: its fonts are the user's business
fi

missing=""
command -v chromium >/dev/null 2>&1 || missing=" chromium"
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Liberation Serif"; then
    missing="$missing fonts-liberation"
fi
if ! command -v fc-list >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "DejaVu Sans"; then
    missing="$missing fonts-dejavu-core"
fi
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    want_fail "missing:$missing; no apt-get here: install Chromium and the Liberation fonts by hand (or set IANOTE_CHROMIUM to a Chromium executable)."
fi
if [ "$(id -u)" = "0" ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    want_fail "missing:$missing; run as root: apt-get update && apt-get install -y --no-install-recommends$missing"
fi

echo "ensure_chromium: installing$missing with apt-get..." >&2
log=$(mktemp)
# shellcheck disable=SC2086  # $missing is a list of package names
if $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 &&
   $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
       $missing >>"$log" 2>&1; then
    rm -f "$log"
else
    tail -n 20 "$log" >&2
    rm -f "$log"
    want_fail "apt-get could not install$missing (see above)."
fi
command -v chromium >/dev/null 2>&1 || want_fail "chromium is still not on the PATH after installing it."
echo "ensure_chromium: $(chromium --version 2>/dev/null | head -n 1)" >&2
