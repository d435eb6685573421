"""Tests of smtp_codes.spark with PySpark in local[2] mode: the example job on a Parquet file of
real bounce lines gives, row for row, the command line's answer for the same text; the
row-at-a-time UDF path and JSON Lines input give the same answers; bad arguments are clear errors.

PySpark and Java are needed; without them these tests skip, unless SMTP_CODES_TEST_ALL=1 (as
``.ci/run`` sets), when a missing PySpark is a failure."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
JOB = ROOT / "crates/smtp-codes-py/examples/spark_classify.py"
LINES = ROOT / "tests/data/sisimai/lines.jsonl"
FIELDS = ["reply_code", "enhanced_code", "reason", "hard_bounce", "severity", "retry", "who_acts", "provider", "rule_kind"]

if os.environ.get("SMTP_CODES_TEST_ALL") == "1":
    import pyspark  # noqa: F401  (a failure here fails the run)
else:
    pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

import smtp_codes  # noqa: E402
from smtp_codes.spark import RESULT_COLUMNS, classify, result_schema  # noqa: E402


def rows():
    """The real bounce lines of the sisimai corpus with their commands and hosts, and the
    edge cases: a null text, an empty one, one in German, one with a NUL and a long one."""
    out = []
    for line in LINES.open(encoding="utf-8"):
        d = json.loads(line)
        out.append((d["text"], d["command"] or None, d["remote_host"] or None))
    out += [
        (None, "RCPT", None),
        ("", None, None),
        ("Mailbox nicht vorhanden", None, None),
        ("550\x005.1.1 user unknown", "RCPT", None),
        ("452 4.2.2 " + "quota exceeded " * 2000, None, "mx.example.org"),
        ("550 5.7.1 Service unavailable; client [192.0.2.1] blocked using Spamhaus", "MAIL", "mx.example.net"),
    ]
    return out


def write_input(path):
    data = rows()
    table = pa.table(
        {
            "id": pa.array(range(len(data)), pa.int64()),
            "text": [t for t, _, _ in data],
            "command": [c for _, c, _ in data],
            "remote_host": [h for _, _, h in data],
        }
    )
    pq.write_table(table, path)
    return data


def cli_answers(data):
    """The command line's classify record for every non-null text."""
    binary = os.environ.get("SMTP_CODES_BIN")
    if not binary:
        pytest.skip("SMTP_CODES_BIN is not set")
    lines = []
    for text, command, host in data:
        if text is not None:
            lines.append(json.dumps({"text": text, "command": command, "remote_host": host}))
    out = subprocess.run([binary, "classify", "--jsonl", "--json"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    records = iter([json.loads(r) for r in out.stdout.splitlines() if r])
    answers = []
    for text, _, _ in data:
        if text is None:
            answers.append(None)
            continue
        r = next(records)
        answers.append({**{f: r.get(f) for f in FIELDS if f != "rule_kind"}, "rule_kind": r["rule"]["kind"]})
    return answers


def run_job(*args):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    done = subprocess.run([sys.executable, str(JOB), *map(str, args), "--master", "local[2]"], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    return done


def read_output(folder):
    table = pq.read_table(folder)
    return sorted(table.to_pylist(), key=lambda r: r["id"])


def test_example_job_equals_the_command_line(tmp_path):
    data = write_input(tmp_path / "bounces.parquet")
    want = cli_answers(data)
    done = run_job(tmp_path / "bounces.parquet", tmp_path / "out", "--command", "command", "--remote-host", "remote_host")
    assert f"{len(data)} rows classified (mapInArrow)" in done.stdout
    got = read_output(tmp_path / "out")
    assert [r["id"] for r in got] == list(range(len(data)))
    assert list(got[0]) == ["id", "text", "command", "remote_host", *FIELDS]
    mismatches = []
    for (text, _, _), row, answer in zip(data, got, want):
        assert row["text"] == text
        if answer is None:
            assert all(row[f] is None for f in FIELDS)
            continue
        have = {f: row[f] for f in FIELDS}
        if have != answer:
            mismatches.append((text[:80], have, answer))
    assert not mismatches, mismatches[:3]
    reasons = {r["reason"] for r in got if r["reason"]}
    assert {"userunknown", "mailboxfull", "blocked"} <= reasons  # the data is varied, not one answer


def test_udf_path_and_json_input_give_the_command_lines_answers(tmp_path):
    data = rows()[:60] + rows()[-6:]
    with (tmp_path / "bounces.jsonl").open("w", encoding="utf-8") as f:
        for i, (text, command, host) in enumerate(data):
            f.write(json.dumps({"id": i, "text": text, "command": command, "remote_host": host}) + "\n")
    want = cli_answers([(t, c, None) for t, c, _ in data])
    done = run_job(tmp_path / "bounces.jsonl", tmp_path / "udf", "--command", "command", "--prefix", "smtp_", "--udf")
    assert "row-at-a-time Python UDF" in done.stdout
    got = read_output(tmp_path / "udf")
    assert len(got) == len(data)
    for row, answer in zip(got, want):
        have = {f: row["smtp_" + f] for f in FIELDS}
        assert have == (answer or dict.fromkeys(FIELDS)), row["text"]


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = SparkSession.builder.master("local[2]").appName("smtp-codes tests").config("spark.ui.enabled", "false").getOrCreate()
    yield session
    session.stop()


def test_classify_in_process(spark):
    df = spark.createDataFrame(
        [("550 5.1.1 <bob@example.org>: User unknown", "RCPT", 1), (None, None, 2), ("452 4.2.2 Mailbox full", None, 3)],
        "text string, cmd string, n int",
    )
    out = classify(df, "text", command="cmd")
    assert out.columns == ["text", "cmd", "n", *[n for n, _ in RESULT_COLUMNS]]
    assert dict(out.dtypes)["reply_code"] == "int"
    assert result_schema("p_").fieldNames() == ["p_" + n for n, _ in RESULT_COLUMNS]
    assert [f.dataType.simpleString() for f in result_schema()] == [t for _, t in RESULT_COLUMNS]
    got = {r["n"]: r for r in out.collect()}
    assert got[1]["reason"] == "userunknown" and got[1]["hard_bounce"] is True and got[1]["reply_code"] == 550
    assert all(got[2][n] is None for n, _ in RESULT_COLUMNS)
    assert got[3]["reason"] == smtp_codes.classify("452 4.2.2 Mailbox full")["reason"]
    # A second call on the result needs a prefix; with one, both sets of columns are there.
    with pytest.raises(ValueError, match="already has the column"):
        classify(out, "text")
    twice = classify(out, "text", prefix="again_")
    assert twice.select("again_reason").collect()[0][0] == "userunknown"
    # Spark may hand strings over as large strings (64-bit offsets); the answers are the same.
    spark.conf.set("spark.sql.execution.arrow.useLargeVarTypes", "true")
    try:
        large = {r["n"]: r for r in classify(df, "text", command="cmd").collect()}
    finally:
        spark.conf.unset("spark.sql.execution.arrow.useLargeVarTypes")
    assert large == got


def test_classify_errors(spark):
    df = spark.createDataFrame([("550 x", 5)], "text string, n int")
    with pytest.raises(ValueError, match="text column 'nope' is not in the DataFrame"):
        classify(df, "nope")
    with pytest.raises(TypeError, match="text column 'n' must be of type string, not int"):
        classify(df, "n")
    with pytest.raises(TypeError, match="command must be a column name"):
        classify(df, "text", command=5)
    with pytest.raises(ValueError, match="remote_host column 'host' is not in the DataFrame"):
        classify(df, "text", remote_host="host")
