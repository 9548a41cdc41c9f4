#!/bin/sh
# Summarize JSON Lines records with lede as the mapper of a map-only
# Hadoop Streaming job: each map task pipes its split of the input through
# one `lede --jsonl` process and writes one JSON result per record.
#
#   examples/hadoop_streaming.sh INPUT OUTPUT [LEDE_FLAGS...]
#
# INPUT and OUTPUT are HDFS paths; target/release/lede is shipped to the
# tasks with -files. Environment: HADOOP_STREAMING_JAR (default: the jar
# under $HADOOP_HOME/share/hadoop/tools/lib), LEDE (default:
# target/release/lede).
#
# Without Hadoop, `LOCAL=1 examples/hadoop_streaming.sh in.jsonl out/`
# runs the same mapper command over 4 local splits of the input (as map
# tasks would) and writes out/part-0000N, to try the command.
#
# Notes:
# - lede exits 3 when some record failed. Those are error records in the
#   output, so the mapper treats exit 3 as success; any other code (1 for a
#   read or write error) still fails the task.
# - Streaming splits each output line at its first tab into key and value.
#   JSON escapes tabs inside strings, so the whole line is the key, and the
#   tab that TextOutputFormat may append is JSON white space.
# - Each task runs one lede thread (--threads 1); Hadoop runs the tasks in
#   parallel. The `line` of a result counts within its split: join by `id`.
set -eu

if [ $# -lt 2 ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
input=$1
output=$2
shift 2
lede=${LEDE:-target/release/lede}

# The mapper: lede reads the split on stdin; exit 3 (error records) is fine.
mapper="sh -c './lede --jsonl --threads 1 $* || test \$? -eq 3'"

if [ "${LOCAL:-0}" = 1 ]; then
    mkdir -p "$output"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    split -n l/4 -d "$input" "$tmp/split-"
    cp "$lede" "$tmp/lede"
    for split in "$tmp"/split-*; do
        part=part-000${split##*split-}
        # As a map task: the shipped binary in the working directory.
        (cd "$tmp" && eval "$mapper") < "$split" > "$output/$part" &
    done
    wait
    echo "$(cat "$output"/part-* | wc -l) results in $output" \
         "($(cat "$output"/part-* | grep -c '"error":' || true) error records)"
    exit 0
fi

jar=${HADOOP_STREAMING_JAR:-$(ls "${HADOOP_HOME:?set HADOOP_HOME or HADOOP_STREAMING_JAR}"/share/hadoop/tools/lib/hadoop-streaming-*.jar | head -n 1)}
hadoop jar "$jar" \
    -D mapreduce.job.name="lede --jsonl" \
    -D mapreduce.job.reduces=0 \
    -files "$lede" \
    -input "$input" \
    -output "$output" \
    -mapper "$mapper"
