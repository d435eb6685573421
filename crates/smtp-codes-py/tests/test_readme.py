"""The README's Python section runs as written: every ```python block, from the repository's
root, and the example job's command line of its ```sh blocks. A block whose optional module
(pyspark, polars, duckdb, pandas) is missing skips, unless SMTP_CODES_TEST_ALL=1 (as
``.ci/run`` sets), when it fails."""

import os
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]


def section():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Usage: Python")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def blocks(lang):
    return re.findall(rf"^```{lang}\n(.*?)^```", section(), flags=re.S | re.M)


PYTHON = blocks("python")


def needs(module):
    if os.environ.get("SMTP_CODES_TEST_ALL") == "1":
        __import__(module)
    else:
        pytest.importorskip(module)


def test_the_section_has_its_examples():
    assert len(PYTHON) >= 5, "the README's Python section lost its examples"


@pytest.mark.parametrize("code", PYTHON, ids=[f"block{i + 1}" for i in range(len(PYTHON))])
def test_python_block_runs(code, monkeypatch):
    for module in ("pyspark", "polars", "duckdb", "pandas", "pyarrow"):
        if re.search(rf"^(from|import) {module}\b", code, flags=re.M):
            needs(module)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    namespace = {"__name__": "__readme__"}
    try:
        exec(compile(code, "<a Python block of README.md>", "exec"), namespace)
    finally:
        if "spark" in namespace and hasattr(namespace["spark"], "stop"):
            namespace["spark"].stop()
    # The first block states its answer in a comment: hold it to it.
    if "r" in namespace and isinstance(namespace["r"], dict):
        assert (namespace["r"]["reason"], namespace["r"]["hard_bounce"], namespace["r"]["who_acts"]) == ("userunknown", True, "sender")


def test_example_job_command_runs():
    lines = [line for block in blocks("sh") for line in block.splitlines() if line.startswith("python crates/smtp-codes-py/examples/")]
    assert lines, "the README names no example job command"
    needs("pyspark")
    for line in lines:
        argv = shlex.split(line.split("#")[0])
        done = subprocess.run([sys.executable, *argv[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ, PYSPARK_PYTHON=sys.executable))
        assert done.returncode == 0, done.stderr[-4000:]
        assert re.search(r"^\d+ rows classified \(mapInArrow\)", done.stdout, flags=re.M), done.stdout
