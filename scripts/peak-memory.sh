#!/usr/bin/env bash
# Peak memory of `lede` on the worst shapes of text we know, as a multiple of
# the input: the bound that docs/GUIDE.md states and `--max-bytes`'s default
# rests on. Usage: scripts/peak-memory.sh [BYTES] (default 8 MiB, the default
# limit). Needs GNU time (/usr/bin/time, Debian's package `time`) and awk.
# Exits 1 when a shape peaks above BOUND times its size plus BASE bytes (the
# program, its language data and its buffers).
set -eu  # no pipefail: `head` ends the generators early, on purpose
cd "$(dirname "$0")/.."
size=${1:-8388608}
BOUND=80
BASE=$((8 << 20))
dir=target/peak-memory
mkdir -p "$dir"
cargo build --release --quiet
lede=target/release/lede

# Each shape is cut to $size bytes at a space, so every unit is whole.
cut_to_size() { head -c "$size" | sed '$ s/ [^ ]*$//'; }

# One-word sentences, each a new word ("Aaa. Aab. ..."): the most units and
# the most spellings per byte.
awk 'BEGIN { a = "abcdefghijklmnopqrstuvwxyz"; srand(1)
  for (i = 0; i < 4000000; i++) { w = ""; n = i + 26 * 26
    while (n > 0) { w = substr(a, n % 26 + 1, 1) w; n = int(n / 26) }
    printf "%s%s. ", toupper(substr(w, 1, 1)), substr(w, 2) } }' | cut_to_size > "$dir/one-word-sentences.txt"
# Near duplicates: one sentence again and again, one word changed each time.
awk 'BEGIN { split("The council voted on the budget late on Tuesday after a long debate about library funding and road repairs in the north of the city", w, " ")
  for (i = 0; i < 400000; i++) { s = ""; k = i % 25 + 1
    for (j = 1; j <= 25; j++) s = s (j > 1 ? " " : "") (j == k ? "word" i : w[j])
    printf "%s. ", s } }' | cut_to_size > "$dir/near-duplicates.txt"
# The same as lines without punctuation (summarized with --lines): one byte
# less a unit.
tr -d '.' < "$dir/one-word-sentences.txt" | tr ' ' '\n' | grep -v '^$' | head -c "$size" > "$dir/one-word-lines.txt"
# The shortest units: one letter a line, all the same (exact duplicates).
awk 'BEGIN { for (i = 0; i < 8000000; i++) print "a" }' | head -c "$size" > "$dir/duplicate-lines.txt"
# An abbreviation that never ends a sentence: one unit of millions of words.
awk 'BEGIN { for (i = 0; i < 3000000; i++) printf "Dr. " }' | cut_to_size > "$dir/abbreviations.txt"
# One line without punctuation, each word new (summarized with --lines).
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "w%d ", i }' | cut_to_size > "$dir/one-line.txt"
# News: the sample corpus, again and again.
for _ in $(seq 1 400); do cat corpus/*.txt; done | cut_to_size > "$dir/news.txt"

printf '%-22s %10s %10s %7s\n' shape bytes "peak KB" ratio
worst=0
for shape in one-word-sentences one-word-lines duplicate-lines near-duplicates abbreviations one-line news; do
  file="$dir/$shape.txt"
  flags=(--json -l en --max-bytes 0)
  case $shape in one-line | *-lines) flags+=(--lines) ;; esac
  peak=$( { /usr/bin/time -f '%M' "$lede" "${flags[@]}" "$file" > /dev/null; } 2>&1 | tail -n 1)
  bytes=$(wc -c < "$file")
  ratio=$(awk -v p="$peak" -v b="$bytes" 'BEGIN { printf "%.1f", p * 1024 / b }')
  printf '%-22s %10d %10d %7s\n' "$shape" "$bytes" "$peak" "$ratio"
  worst=$(awk -v r="$ratio" -v w="$worst" 'BEGIN { print (r > w ? r : w) }')
  if ! awk -v p="$peak" -v b="$bytes" -v k="$BOUND" -v base="$BASE" 'BEGIN { exit !(p * 1024 <= k * b + base) }'; then
    echo "$shape: over the bound of ${BOUND}x the input + $((BASE >> 20)) MiB"
    over=1
  fi
done
echo "worst: ${worst}x the input (bound: ${BOUND}x the input + $((BASE >> 20)) MiB)"
[ -z "${over:-}" ]
