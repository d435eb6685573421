"""A Spark job: read a Parquet or JSON file of bounce texts, classify every row with
smtp_codes.spark.classify (mapInArrow), write the classified table as Parquet.

    python crates/smtp-codes-py/examples/spark_classify.py INPUT OUTPUT [--column text]
        [--command COLUMN] [--remote-host COLUMN] [--prefix P] [--master local[2]]
        [--udf]

INPUT is a Parquet file or folder (``*.parquet``) or JSON Lines (``*.json``, ``*.jsonl``, or
``--input-format json``); OUTPUT is the folder the Parquet table is written to (replaced if it
exists). ``--master`` defaults to ``local[*]``; under ``spark-submit`` leave it out and pass
the cluster's. ``--udf`` classifies row by row with a plain Python UDF calling
``smtp_codes.classify`` instead, the slow way, kept to measure against. The job prints the
rows, the seconds it took and the rows a second.
"""

import argparse
import os
import sys
import time


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--column", default="text", help="the column of reply or bounce texts (default: text)")
    p.add_argument("--command", help="a column of SMTP commands the replies answered")
    p.add_argument("--remote-host", help="a column of the hosts that sent the replies")
    p.add_argument("--prefix", default="", help="put before every added column's name")
    p.add_argument("--input-format", choices=["parquet", "json"], help="default: from the input's name")
    p.add_argument("--master", help="the Spark master (default: local[*], or spark-submit's)")
    p.add_argument("--udf", action="store_true", help="a row-at-a-time Python UDF instead of mapInArrow")
    args = p.parse_args()

    fmt = args.input_format or ("json" if args.input.rstrip("/").endswith((".json", ".jsonl")) else "parquet")
    # Local workers run the Python of this job (the one smtp_codes is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    from pyspark.sql import SparkSession

    from smtp_codes.spark import classify

    builder = SparkSession.builder.appName("smtp-codes classify")
    # Under spark-submit (which starts Python from its JVM) the master is spark-submit's.
    if args.master or "PYSPARK_GATEWAY_PORT" not in os.environ:
        builder = builder.master(args.master or "local[*]")
    spark = builder.getOrCreate()
    try:
        df = spark.read.parquet(args.input) if fmt == "parquet" else spark.read.json(args.input)
        start = time.perf_counter()
        if args.udf:
            out = _classify_udf(df, args.column, args.command, args.remote_host, args.prefix)
        else:
            out = classify(df, args.column, command=args.command, remote_host=args.remote_host, prefix=args.prefix)
        out.write.mode("overwrite").parquet(args.output)
        took = time.perf_counter() - start
        rows = spark.read.parquet(args.output).count()
        how = "row-at-a-time Python UDF" if args.udf else "mapInArrow"
        print(f"{rows} rows classified ({how}) in {took:.2f} s: {rows / took:,.0f} rows/s; written to {args.output}")
    except (ValueError, TypeError) as e:
        print(f"spark_classify: {e}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    return 0


def _classify_udf(df, column, command, remote_host, prefix):
    """The same columns from a plain Python UDF calling smtp_codes.classify once per row."""
    from pyspark.sql import functions as F

    from smtp_codes.spark import RESULT_COLUMNS, result_schema

    result = result_schema()

    def one(text, cmd, host):
        import smtp_codes

        if text is None:
            return None
        r = smtp_codes.classify(text, command=cmd, remote_host=host)
        return (
            r["reply_code"], r["enhanced_code"], r["reason"], r["hard_bounce"], r["severity"],
            r["retry"], r["who_acts"], r["provider"], r["rule"]["kind"],
        )

    f = F.udf(one, result)
    none = F.lit(None).cast("string")
    s = f(F.col(column), F.col(command) if command else none, F.col(remote_host) if remote_host else none)
    return df.select("*", *[s[n].alias(prefix + n) for n, _ in RESULT_COLUMNS])


if __name__ == "__main__":
    sys.exit(main())
