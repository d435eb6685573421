"""Rows a second of smtp_codes.classify_arrow against smtp_codes.classify row by row, on the
real bounce lines of tests/data/sisimai/lines.jsonl repeated to ROWS rows (default 1,000,000).

    python crates/smtp-codes-py/bench/arrow_throughput.py [ROWS]

Compare the Arrow figure with the Rust library's own (`cargo bench -p smtp-codes-bench --bench
classify`, or the library line of `scripts/throughput`) run on the same machine."""

import json
import os
import pathlib
import sys
import time

import pyarrow as pa

import smtp_codes

root = pathlib.Path(__file__).resolve().parents[3]
texts = [json.loads(line)["text"] for line in (root / "tests/data/sisimai/lines.jsonl").open()]
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
column = (texts * (rows // len(texts) + 1))[:rows]
array = pa.array(column)
print(f"machine: {os.cpu_count()} processors; {rows} rows from {len(texts)} real lines")
smtp_codes.classify_arrow(array.slice(0, 1000))  # the automaton is built once
for round in (1, 2, 3):
    start = time.perf_counter()
    out = smtp_codes.classify_arrow(array)
    took = time.perf_counter() - start
    assert len(out) == rows
    print(f"round {round}: classify_arrow {rows / took / 1e6:.3f} M rows/s ({took:.2f} s)")
sample = column[:20_000]
start = time.perf_counter()
for t in sample:
    smtp_codes.classify(t)
took = time.perf_counter() - start
print(f"classify() row by row: {len(sample) / took / 1e6:.3f} M rows/s")
