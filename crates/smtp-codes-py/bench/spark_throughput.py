"""Rows a second of a Spark job classifying ROWS bounce texts (default 1,000,000: the real lines
of tests/data/sisimai/lines.jsonl repeated) with smtp_codes.spark.classify (mapInArrow) against
the same job with a row-at-a-time Python UDF calling smtp_codes.classify, in one Spark session.

    python crates/smtp-codes-py/bench/spark_throughput.py [ROWS] [--master local[2]] [--rounds 2]

The input is a Parquet file written first, read once, spread over PARTITIONS partitions
(default: four per core of the master) and cached, so that every core works; each job then
classifies every row and writes to Spark's ``noop`` sink, so the figure is classifying in Spark,
not reading or writing. A small job runs first on each path so the Python workers and the
automaton are warm."""

import argparse
import json
import os
import pathlib
import sys
import tempfile
import time

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

root = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(root / "crates/smtp-codes-py/examples"))

from pyspark.sql import SparkSession  # noqa: E402

from smtp_codes.spark import classify  # noqa: E402
from spark_classify import _classify_udf  # noqa: E402  (the example job's UDF path)

p = argparse.ArgumentParser()
p.add_argument("rows", nargs="?", type=int, default=1_000_000)
p.add_argument("--master", default="local[2]")
p.add_argument("--rounds", type=int, default=2)
p.add_argument("--partitions", type=int, help="default: four per core")
args = p.parse_args()

lines = [json.loads(line) for line in (root / "tests/data/sisimai/lines.jsonl").open()]
texts = [d["text"] for d in lines]
column = (texts * (args.rows // len(texts) + 1))[: args.rows]
spark = SparkSession.builder.master(args.master).appName("smtp-codes bench").config("spark.ui.enabled", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
print(f"machine: {os.cpu_count()} processors; master {args.master}; {args.rows} rows from {len(texts)} real lines")
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "texts.parquet")
    pq.write_table(pa.table({"text": column}), path, row_group_size=131_072)
    partitions = args.partitions or 4 * spark.sparkContext.defaultParallelism
    df = spark.read.parquet(path).repartition(partitions).cache()
    df.count()
    print(f"{partitions} partitions, cached")

    def run(how, frame):
        start = time.perf_counter()
        out = classify(frame, "text") if how == "mapInArrow" else _classify_udf(frame, "text", None, None, "")
        out.write.format("noop").mode("overwrite").save()
        return time.perf_counter() - start

    for how in ("mapInArrow", "udf"):
        run(how, df.limit(10_000))
        for r in range(1, args.rounds + 1):
            took = run(how, df)
            label = "mapInArrow + classify_arrow" if how == "mapInArrow" else "row-at-a-time Python UDF"
            print(f"round {r}: {label}: {args.rows / took:,.0f} rows/s ({took:.1f} s)")
    # The same rows passed through mapInArrow without classifying: what Spark itself costs.
    start = time.perf_counter()
    df.mapInArrow(lambda batches: batches, df.schema).write.format("noop").mode("overwrite").save()
    print(f"mapInArrow passing the rows through unclassified: {args.rows / (time.perf_counter() - start):,.0f} rows/s")
spark.stop()
