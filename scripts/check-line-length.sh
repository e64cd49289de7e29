#!/usr/bin/env bash
# Fails, listing FILE:LINE and the length, for every tracked .cs line longer than the .editorconfig's max_line_length
# (160 columns, counted in characters, not bytes: a '≥' is one column). Usage: scripts/check-line-length.sh [MAX]
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
max="${1:-$(sed -n 's/^max_line_length *= *\([0-9]*\).*/\1/p' .editorconfig | head -n 1)}"
max="${max:-160}"
# perl -CSD reads the files as UTF-8 (awk implementations differ: mawk counts bytes).
report="$(git ls-files -z -- '*.cs' | xargs -0 -r perl -CSD -ne '
    s/\r?\n\z//;
    printf "%s:%d: %d columns\n", $ARGV, $., length($_) if length($_) > '"$max"';
    close ARGV if eof;')"
if [ -n "$report" ]; then
    printf '%s\n' "$report"
    echo "$(printf '%s\n' "$report" | wc -l) line(s) over $max columns" >&2
    exit 1
fi
echo "every tracked .cs line is within $max columns"
