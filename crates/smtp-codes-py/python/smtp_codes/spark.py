"""smtp-codes in Spark: classify a column of SMTP replies with ``DataFrame.mapInArrow``.

Each Arrow batch Spark hands to Python goes whole through :func:`smtp_codes.classify_arrow`
(no Python object per row, the GIL released), so a job runs at the library's speed on every
core of every executor. Every executor needs the ``smtp_codes`` package installed in the
Python it runs (``pip install`` on the nodes, or a packed virtual environment shipped with
``spark.archives``).

>>> from smtp_codes.spark import classify
>>> classify(spark.read.parquet("bounces.parquet"), "text").write.parquet("classified")
"""

from typing import Any, Iterator, List, Optional, Tuple

__all__ = ["classify", "result_schema", "RESULT_COLUMNS"]

#: The columns :func:`classify` adds, in order, with their Spark SQL types; every one is null
#: where the text is null. ``reply_code`` is the three-digit reply code, ``enhanced_code`` the
#: enhanced status code (``"5.1.1"``), ``rule_kind`` what decided the reason (``"provider"``,
#: ``"phrase"``, ``"terms"``, ``"code"``, ``"sender-stage"``, ``"report"``, ``"fallback"``); the others are the fields of the same names in
#: ``smtp-codes classify --json``.
RESULT_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("reply_code", "int"),
    ("enhanced_code", "string"),
    ("reason", "string"),
    ("hard_bounce", "boolean"),
    ("severity", "string"),
    ("retry", "boolean"),
    ("who_acts", "string"),
    ("provider", "string"),
    ("rule_kind", "string"),
)


def result_schema(prefix: str = "") -> Any:
    """The Spark schema (a ``StructType``) of the columns :func:`classify` adds, each name after
    ``prefix``; every field is nullable."""
    from pyspark.sql.types import BooleanType, IntegerType, StringType, StructField, StructType

    types = {"int": IntegerType(), "string": StringType(), "boolean": BooleanType()}
    return StructType([StructField(prefix + name, types[kind], True) for name, kind in RESULT_COLUMNS])


def _string_column(df: Any, name: Optional[str], role: str) -> Optional[str]:
    from pyspark.sql.types import StringType

    if name is None:
        return None
    if not isinstance(name, str):
        raise TypeError(f"{role} must be a column name (str), not {type(name).__name__}")
    fields = {f.name: f for f in df.schema.fields}
    if name not in fields:
        raise ValueError(f"{role} column {name!r} is not in the DataFrame (its columns: {', '.join(df.columns)})")
    if not isinstance(fields[name].dataType, StringType):
        raise TypeError(f"{role} column {name!r} must be of type string, not {fields[name].dataType.simpleString()}")
    return name


def classify(
    df: Any,
    column: str,
    command: Optional[str] = None,
    remote_host: Optional[str] = None,
    prefix: str = "",
) -> Any:
    """Return ``df`` with the columns of :data:`RESULT_COLUMNS` added (each name after
    ``prefix``), classifying the string column ``column``.

    ``command`` and ``remote_host`` name optional string columns holding, for each row, the
    SMTP command the reply answered (``"RCPT"``) and the host that sent it. The rows keep
    their order within each partition and all their columns. A name that would clash with an
    existing column is a ``ValueError``: pass a ``prefix`` (``"smtp_"``).
    """
    from pyspark.sql.types import StructType

    text_col = _string_column(df, column, "text")
    if text_col is None:
        raise TypeError("column must be a column name (str), not None")
    command_col = _string_column(df, command, "command")
    host_col = _string_column(df, remote_host, "remote_host")
    if not isinstance(prefix, str):
        raise TypeError(f"prefix must be str, not {type(prefix).__name__}")
    names = [prefix + name for name, _ in RESULT_COLUMNS]
    clash = [n for n in names if n in df.columns]
    if clash:
        raise ValueError(f"the DataFrame already has the column(s) {', '.join(clash)}: pass a prefix, for example prefix='smtp_'")
    schema = StructType(list(df.schema.fields) + list(result_schema(prefix).fields))
    return df.mapInArrow(_batches(text_col, command_col, host_col, names), schema)


def _batches(text_col: str, command_col: Optional[str], host_col: Optional[str], names: List[str]) -> Any:
    """The function ``mapInArrow`` runs on the executors: one ``classify_arrow`` call per batch."""

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from smtp_codes import classify_arrow

        for batch in batches:
            schema = batch.schema

            def col(name: Optional[str]) -> Any:
                return None if name is None else batch.column(schema.get_field_index(name))

            result = classify_arrow(col(text_col), col(command_col), col(host_col))
            # flatten() carries the null rows of the struct into every child.
            children = result.flatten()
            children[0] = children[0].cast(pa.int32())  # Spark has no unsigned integers
            yield pa.RecordBatch.from_arrays(list(batch.columns) + children, names=list(schema.names) + names)

    return run
