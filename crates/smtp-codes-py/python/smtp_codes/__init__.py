"""smtp-codes in Python: explain SMTP replies, decode bounce messages, classify many replies,
read mail logs and ESP events.

Every function returns plain Python data (dicts, lists, strings, numbers, booleans, None) with
the JSON shapes of the ``smtp-codes`` command line's ``--json`` output, field for field
(``docs/json.md`` in the repository documents every record). Bad input raises ``ValueError``
with the message the command line would print.

>>> import smtp_codes
>>> r = smtp_codes.explain("550 5.1.1 <bob@example.org>: User unknown")
>>> r["reason"], r["hard_bounce"]
('userunknown', True)
"""

import datetime as _datetime
import json as _json
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _native

__all__ = [
    "explain",
    "classify",
    "lookup",
    "search",
    "decode_bounce",
    "scan_logs",
    "read_events",
    "classify_arrow",
    "SCHEMA_VERSION",
]

#: The version of the JSON contract (``docs/json.md``, "Stability").
SCHEMA_VERSION: int = _native.schema_version()


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    return value


def _opt_str(value: Any, name: str) -> Optional[str]:
    return None if value is None else _str(value, name)


def explain(text: str, command: Optional[str] = None, remote_host: Optional[str] = None) -> Dict[str, Any]:
    """Explain one reply or bounce line: the ``explained`` record of ``smtp-codes explain --json``.

    ``command`` is the SMTP command the reply answered (``"RCPT"``, ``"RCPT TO"``, ``"DATA"``),
    ``remote_host`` the host that sent it (``"gmail-smtp-in.l.google.com"``).
    """
    return _json.loads(_native.explain_json(_str(text, "text"), _opt_str(command, "command"), _opt_str(remote_host, "remote_host")))


def classify(
    texts: Union[str, Dict[str, Any], Iterable[Union[str, Dict[str, Any]]]],
    command: Optional[str] = None,
    remote_host: Optional[str] = None,
) -> Union[Dict[str, Any], List[Dict[str, Any]]]:
    """Classify replies: the ``classify-record`` of ``smtp-codes classify --jsonl --json``.

    Give one text (a ``str``, answered with one record) or many (an iterable of ``str`` or of
    dicts ``{"text", "command", "remote_host", "file", "index"}``, answered with a list in the
    same order). ``command`` and ``remote_host`` apply to the texts given as ``str``.
    """
    single = isinstance(texts, (str, dict))
    items = [texts] if single else list(texts)
    lines = []
    for n, item in enumerate(items, 1):
        if isinstance(item, str):
            d: Dict[str, Any] = {"text": item}
            if command is not None:
                d["command"] = _str(command, "command")
            if remote_host is not None:
                d["remote_host"] = _str(remote_host, "remote_host")
        elif isinstance(item, dict):
            d = item
        else:
            raise TypeError(f"input {n} must be str or dict, not {type(item).__name__}")
        lines.append(_json.dumps(d))
    records = [_json.loads(r) for r in _native.classify_jsonl(lines)]
    return records[0] if single else records


def lookup(code: str) -> Dict[str, Any]:
    """Look up a reply code (``"550"``), an enhanced code (``"5.1.1"``, ``"X.1.1"``) or a pair
    (``"550 5.1.1"``): the ``lookup`` record of ``smtp-codes lookup --json``."""
    return _json.loads(_native.lookup_json(_str(code, "code")))


def search(words: Union[str, Iterable[str]], limit: Optional[int] = None) -> List[Dict[str, Any]]:
    """Find catalogue entries by words: the ``search-hit`` records of ``smtp-codes search
    --json``, best first."""
    if isinstance(words, str):
        words = words.split()
    words = [_str(w, "words") for w in words]
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise ValueError("limit must be a positive int")
    return [_json.loads(h) for h in _native.search_json(words, limit)]


def decode_bounce(data: bytes) -> List[Dict[str, Any]]:
    """Decode one bounce message or an mbox: one ``bounce-record`` per recipient, as
    ``smtp-codes bounce --json`` prints them. A message that is not a bounce gives none."""
    if isinstance(data, str):
        raise TypeError("data must be bytes (the message as received), not str")
    return [_json.loads(r) for r in _native.decode_bounce_json(bytes(data))]


def scan_logs(lines: Union[str, Iterable[str]], written: Optional[_datetime.date] = None) -> Dict[str, Any]:
    """Read mail-log lines (Postfix, Exim, Sendmail, OpenSMTPD, Exchange, Microsoft 365,
    KumoMTA): ``{"summary": log-summary, "records": [log-record, ...]}``, as ``smtp-codes logs
    --summary --json`` and ``logs --json`` print them.

    ``written`` is when the log was last written (default: today), from which classic syslog
    stamps without a year get theirs.
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    lines = [_str(line, "lines").rstrip("\r\n") for line in lines]
    day = written or _datetime.date.today()
    summary, records = _native.scan_logs_json(lines, day.year, day.month, day.day)
    return {"summary": _json.loads(summary), "records": [_json.loads(r) for r in records]}


def read_events(obj: Union[str, bytes, Dict[str, Any], List[Any]]) -> List[Dict[str, Any]]:
    """Read ESP webhook events (SES, SendGrid, Mailgun, Postmark, SparkPost, Mandrill, Brevo):
    one ``event-record`` per recipient, as ``smtp-codes events --json`` prints them. ``obj`` is
    a parsed document (dict or list) or JSON text (one document, an array, JSON Lines)."""
    if isinstance(obj, (dict, list)):
        text = _json.dumps(obj)
    elif isinstance(obj, bytes):
        text = obj.decode("utf-8", errors="replace")
    elif isinstance(obj, str):
        text = obj
    else:
        raise TypeError(f"obj must be dict, list, str or bytes, not {type(obj).__name__}")
    return [_json.loads(r) for r in _native.read_events_json(text)]


def classify_arrow(texts: Any, commands: Any = None, remote_hosts: Any = None) -> Any:
    """Classify every string of an Arrow array (``pyarrow.array([...])``, a string, large
    string or string-view array; optional arrays of commands and remote hosts of the same
    length) through the Arrow C data interface, without copying the strings, with the GIL
    released. Returns a ``pyarrow.StructArray`` with the fields ``reply_code`` (uint16),
    ``enhanced_code``, ``reason``, ``hard_bounce`` (bool), ``severity``, ``retry`` (bool),
    ``who_acts``, ``provider`` and ``rule_kind``; a null text gives a null row. Needs pyarrow.

    A ``pyarrow.ChunkedArray`` (a table's column) is classified chunk by chunk and answered
    with a ``ChunkedArray`` of the same chunks; its commands and remote hosts may be chunked
    differently.
    """
    if _is_chunked(texts):
        import pyarrow as pa

        extra = [None if a is None else _whole(a) for a in (commands, remote_hosts)]
        for name, a in zip(("commands", "remote_hosts"), extra):
            if a is not None and len(a) != len(texts):
                raise ValueError(f"{name} has {len(a)} values, texts {len(texts)}")
        chunks, start = [], 0
        for chunk in texts.chunks:
            part = [None if a is None else a.slice(start, len(chunk)) for a in extra]
            chunks.append(classify_arrow(chunk, *part))
            start += len(chunk)
        if not chunks:
            return pa.chunked_array([], type=classify_arrow(pa.array([], pa.string())).type)
        return pa.chunked_array(chunks)
    for name, value in (("texts", texts), ("commands", commands), ("remote_hosts", remote_hosts)):
        if value is not None and not hasattr(value, "__arrow_c_array__"):
            raise TypeError(f"{name} must be an Arrow array (pyarrow.array([...])), not {type(value).__name__}")
    return _native.classify_arrow(texts, commands, remote_hosts)


def _is_chunked(value: Any) -> bool:
    return hasattr(value, "chunks") and hasattr(value, "__arrow_c_stream__") and not hasattr(value, "__arrow_c_array__")


def _whole(value: Any) -> Any:
    """One contiguous array of a chunked one (copied only when it has several chunks)."""
    if _is_chunked(value):
        return value.combine_chunks()
    return value
