"""Tests of the smtp_codes Python package: every function's values, its errors as Python
exceptions with the core's messages, bad input types, and the same JSON as the command line
(when SMTP_CODES_BIN names the smtp-codes binary)."""

import datetime
import json
import os
import pathlib
import subprocess

import pytest

import smtp_codes

ROOT = pathlib.Path(__file__).resolve().parents[3]
BOUNCE_SAMPLE = ROOT / "crates/smtp-codes-bounce/tests/data/formats/qmail.eml"
LOG_SAMPLE = ROOT / "crates/smtp-codes-logs/tests/data/postfix-deliveries.log"
EVENTS_SAMPLE = ROOT / "crates/smtp-codes-events/tests/data/ses-sns-bounce-transient-530.json"
GMAIL = (
    "host gmail-smtp-in.l.google.com[192.0.2.27] said: 550-5.1.1 The email account that you tried to reach "
    "does not exist. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp (in reply to RCPT TO command)"
)


def cli(*args, stdin=None):
    """The command line's JSON Lines for the same input, or skip when no binary is given."""
    binary = os.environ.get("SMTP_CODES_BIN")
    if not binary:
        pytest.skip("SMTP_CODES_BIN is not set")
    out = subprocess.run([binary, *args], input=stdin, capture_output=True, check=True).stdout
    return [json.loads(line) for line in out.decode().splitlines() if line]


def test_explain():
    r = smtp_codes.explain(GMAIL)
    assert r["reason"] == "userunknown"
    assert r["hard_bounce"] is True
    assert r["provider"] == "gmail"
    assert r["enhanced_code"] == "5.1.1"
    r = smtp_codes.explain("452 4.2.2 Mailbox full", command="RCPT", remote_host="mx.example.org")
    assert r["reason"] == "mailboxfull"
    assert r["retry"] is True


def test_explain_errors():
    with pytest.raises(ValueError, match="nothing to explain"):
        smtp_codes.explain("   ")
    with pytest.raises(ValueError, match="is not an SMTP command"):
        smtp_codes.explain("550 x", command="FLY")
    with pytest.raises(TypeError, match="text must be str"):
        smtp_codes.explain(b"550 5.1.1")
    with pytest.raises(TypeError, match="command must be str"):
        smtp_codes.explain("550 x", command=5)


def test_classify_one_and_many():
    r = smtp_codes.classify("550 5.1.1 User unknown")
    assert r["reason"] == "userunknown"
    assert r["line"] == 1
    many = smtp_codes.classify(["550 5.1.1 User unknown", {"text": "421 4.7.0 Try again later", "index": 9}])
    assert many[0]["reason"] == "userunknown"
    assert many[1]["index"] == 9
    assert many[1]["retry"] is True
    with pytest.raises(ValueError, match="input 1:"):
        smtp_codes.classify({"text": 5})
    with pytest.raises(TypeError, match="input 2 must be str or dict"):
        smtp_codes.classify(["550 x", 3.5])


def test_lookup_and_search():
    r = smtp_codes.lookup("5.1.1")
    assert r["query"] == "5.1.1"
    assert r["enhanced"]["code"] == "5.1.1"
    with pytest.raises(ValueError, match="cannot look up"):
        smtp_codes.lookup("9999")
    hits = smtp_codes.search("mailbox full", limit=3)
    assert 0 < len(hits) <= 3
    with pytest.raises(ValueError, match="nothing to search for"):
        smtp_codes.search("")
    with pytest.raises(ValueError, match="positive int"):
        smtp_codes.search("x", limit=0)


def test_decode_bounce():
    records = smtp_codes.decode_bounce(BOUNCE_SAMPLE.read_bytes())
    assert [(r["recipient"], r["reason"], r["decoded_by"]) for r in records] == [
        ("kijitora@example.ne.jp", "userunknown", "qmail")
    ]
    assert smtp_codes.decode_bounce(b"From: alice@example.org\nSubject: lunch\n\nSee you.\n") == []
    with pytest.raises(TypeError, match="must be bytes"):
        smtp_codes.decode_bounce("From: x\n\n")


def test_scan_logs():
    result = smtp_codes.scan_logs(LOG_SAMPLE.read_text(), written=datetime.date(2025, 1, 2))
    kinds = [r["kind"] for r in result["records"]]
    assert kinds == ["delivered", "bounced", "delivered", "expired", "rejected", "deferred"]
    assert result["summary"]["totals"]["bounced"] == 1
    assert result["records"][1]["recipient"] == "kijitora@example.org"
    with pytest.raises(ValueError, match="no line is in a known log format"):
        smtp_codes.scan_logs(["hello", "world"])


def test_read_events():
    doc = json.loads(EVENTS_SAMPLE.read_text())
    records = smtp_codes.read_events(doc)
    assert [r["recipient"] for r in records] == ["jane@example.com", "mary@example.com"]
    assert all(r["disagrees"] for r in records)
    with pytest.raises(ValueError, match="not an event of any known ESP"):
        smtp_codes.read_events({"a": 1})
    with pytest.raises(TypeError):
        smtp_codes.read_events(42)


def test_same_json_as_the_command_line():
    assert [smtp_codes.explain(GMAIL)] == cli("explain", "--json", GMAIL)
    assert smtp_codes.lookup("550 5.7.1") == cli("lookup", "--json", "550 5.7.1")[0]
    assert smtp_codes.search("mailbox full") == cli("search", "--json", "mailbox", "full")
    data = BOUNCE_SAMPLE.read_bytes()
    assert smtp_codes.decode_bounce(data) == cli("bounce", "--json", stdin=data)
    texts = b'{"text": "550 5.1.1 User unknown"}\n{"text": "421 4.7.0 Try again later"}\n'
    assert smtp_codes.classify(["550 5.1.1 User unknown", "421 4.7.0 Try again later"]) == cli(
        "classify", "--jsonl", "--json", stdin=texts
    )
    events = EVENTS_SAMPLE.read_bytes()
    assert smtp_codes.read_events(events) == cli("events", "--json", stdin=events)


def test_schema_version():
    assert smtp_codes.SCHEMA_VERSION == 1


def test_classify_arrow_agrees_with_classify():
    pa = pytest.importorskip("pyarrow")
    texts = [GMAIL, "452 4.2.2 Mailbox full", None, "421 4.7.0 [TS03] All messages from 192.0.2.4 will be permanently deferred"]
    out = smtp_codes.classify_arrow(pa.array(texts), commands=pa.array(["RCPT", "RCPT", None, None]))
    assert isinstance(out, pa.StructArray)
    assert [f.name for f in out.type] == [
        "reply_code", "enhanced_code", "reason", "hard_bounce", "severity", "retry", "who_acts", "provider", "rule_kind"
    ]
    rows = out.to_pylist()
    assert rows[2] is None
    for text, row, command in zip(texts, rows, ["RCPT", "RCPT", None, None]):
        if text is None:
            continue
        want = smtp_codes.classify(text, command=command)
        assert row["reason"] == want["reason"]
        assert row["hard_bounce"] == want["hard_bounce"]
        assert row["retry"] == want["retry"]
        assert row["who_acts"] == want["who_acts"]
        assert row["provider"] == want["provider"]
        assert row["reply_code"] == want["reply_code"]
        assert row["enhanced_code"] == want["enhanced_code"]
    # Large strings too; wrong types are TypeErrors, wrong lengths ValueErrors.
    large = smtp_codes.classify_arrow(pa.array(["550 5.1.1 User unknown"], type=pa.large_string()))
    assert large.to_pylist()[0]["reason"] == "userunknown"
    with pytest.raises(TypeError, match="must be an Arrow array of strings"):
        smtp_codes.classify_arrow(pa.array([1, 2]))
    with pytest.raises(TypeError, match="must be an Arrow array"):
        smtp_codes.classify_arrow(["550 x"])
    with pytest.raises(ValueError, match="commands has 1 values, texts 2"):
        smtp_codes.classify_arrow(pa.array(["a", "b"]), commands=pa.array(["RCPT"]))


def test_classify_arrow_chunked():
    pa = pytest.importorskip("pyarrow")
    texts = ["550 Unknown user kijitora@example.jp", "452 4.2.2 Mailbox full", None, "550 5.1.1 User unknown"]
    commands = ["RCPT", None, None, "DATA"]
    # A table's column is chunked; its commands are chunked otherwise.
    chunked = pa.chunked_array([texts[:1], texts[1:3], [], texts[3:]])
    out = smtp_codes.classify_arrow(chunked, commands=pa.chunked_array([commands[:3], commands[3:]]))
    assert isinstance(out, pa.ChunkedArray)
    assert [len(c) for c in out.chunks] == [1, 2, 0, 1]
    flat = smtp_codes.classify_arrow(pa.array(texts), commands=pa.array(commands))
    assert out.to_pylist() == flat.to_pylist()
    assert out.to_pylist()[0]["reason"] == smtp_codes.classify(texts[0], command="RCPT")["reason"]
    empty = smtp_codes.classify_arrow(pa.chunked_array([], pa.string()))
    assert len(empty) == 0 and empty.type == flat.type
    with pytest.raises(ValueError, match="remote_hosts has 1 values, texts 4"):
        smtp_codes.classify_arrow(chunked, remote_hosts=pa.array(["mx"]))
