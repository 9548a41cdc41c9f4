#!/usr/bin/env python3
"""Summarize a JSON Lines corpus with lede as the map step of Apache Spark.

Each partition of the input is piped through one `lede --jsonl` process
(`RDD.pipe`), so lede's results come back as an RDD of JSON lines, one per
record, in the partition's order. Spark runs one task per core, so each lede
uses one thread (`--threads 1`).

Local mode (pip install pyspark; Java 17):

    cargo build --release
    python3 examples/spark_pipe.py records.jsonl out/ --master 'local[*]'

On a cluster, lede must be at the same path on every worker: install it
there, or ship it with `spark-submit --files target/release/lede` and pass
`--lede ./lede` (YARN puts shipped files in each container's directory).

Records are `{"id": ..., "text": ...}`; see docs/GUIDE.md, "Batch mode". The
`line` of a result counts lines within its partition, so join results to
records by `id`.
"""

import argparse
import json
import os
import shutil
import time

from pyspark.sql import SparkSession


def local_size(path):
    """The size in bytes of a local file or folder, or None (e.g. on HDFS)."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    if os.path.isdir(path):
        return sum(
            os.path.getsize(os.path.join(root, name))
            for root, _, names in os.walk(path)
            for name in names
        )
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines records (a path Spark can read)")
    parser.add_argument("output", help="directory for the results (must not exist)")
    parser.add_argument(
        "--lede",
        default=shutil.which("lede") or "target/release/lede",
        help="the lede binary (default: lede on PATH, else target/release/lede)",
    )
    parser.add_argument("--master", help="Spark master, e.g. local[*] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, help="minimum number of input partitions")
    parser.add_argument(
        "--lede-args",
        default="",
        help="more lede flags, e.g. '-n 2 --lang de' (records can override them)",
    )
    args = parser.parse_args()

    builder = SparkSession.builder.appName("lede --jsonl")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    # An absolute path for local mode; a relative one (./lede) as given.
    lede = os.path.abspath(args.lede) if os.path.exists(args.lede) else args.lede
    command = f"{lede} --jsonl --threads 1 {args.lede_args}".strip()

    start = time.time()
    records = sc.textFile(args.input, minPartitions=args.partitions)
    # lede exits 3 when some record failed: those are error records in the
    # output, so the exit code is not checked (checkCode=False, the default).
    results = records.pipe(command)
    results.saveAsTextFile(args.output)
    seconds = time.time() - start

    # A second pass over the saved results, for the counts.
    saved = sc.textFile(args.output)
    total = saved.count()
    failed = saved.filter(lambda line: "error" in json.loads(line)).count()
    size = local_size(args.input)
    speed = f"{size / 1e6 / seconds:.1f} MB/s, " if size else ""
    print(
        f"{total} results ({failed} error records) from {records.getNumPartitions()} "
        f"partitions in {seconds:.1f} s: {speed}"
        f"{total / seconds:.0f} records/s"
    )
    spark.stop()


if __name__ == "__main__":
    main()
