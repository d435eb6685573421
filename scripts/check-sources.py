#!/usr/bin/env python3
"""Checks that every `source` in codes.toml follows the catalogue's source format.

A stop-gap until the generator validates sources itself: references separated by "; ", each one
of an RFC section or appendix, the IANA registry, an https URL with a path, a repository file at
a commit or release tag, or a corpus sample, optionally followed by a parenthetical note.
Run as `python3 scripts/check-sources.py [codes.toml]`; exits 1 and lists the bad sources.
"""
import json, re, sys, tomllib, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = {json.loads(l)["file"] for l in open(ROOT / "tests/data/sisimai/lines.jsonl")}
REF = re.compile(
    r"(?:RFC \d+ (?:§\d+(?:\.\d+)*|Appendix [A-Z](?:\.\d+)*)"
    r"|IANA SMTP Enhanced Status Codes registry"
    r"|https://[a-z0-9.-]+\.[a-z]+/\S+"
    r"|[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+:[^@\s;()]+@(?:[0-9a-f]{7,40}|v\d+(?:\.\d+)*)"
    r"|sample:sisimai/(?P<sis>\S+)|sample:flufl/[A-Za-z0-9_.-]+)"
    r"(?: \([^()]*\))?"
)

def bad(source):
    for ref in source.split("; "):
        m = REF.fullmatch(ref)
        if not m or (m.group("sis") and m.group("sis") not in SAMPLES):
            return ref
    return None

def sources(x, path):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "source":
                yield path, v
            else:
                yield from sources(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from sources(v, f"{path}[{i}]")

def main():
    files = [pathlib.Path(a) for a in sys.argv[1:]] or [ROOT / "codes.toml"]
    errors = 0
    for f in files:
        for path, s in sources(tomllib.load(open(f, "rb")), ""):
            ref = bad(s)
            if ref is not None:
                errors += 1
                print(f"{f.name}{path}: {ref!r} in {s!r}")
    print(f"{errors} bad sources", file=sys.stderr)
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main()
