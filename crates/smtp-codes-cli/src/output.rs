//! Writing results: JSON Lines or human text to standard output, and quiet handling of a closed
//! pipe.

use std::io::{self, Write};

use anyhow::Result;
use serde::Serialize;

/// Whether an error is (or wraps) a write to a pipe whose reader has gone away.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Writes one record of the output contract on its own line.
pub(crate) fn json_line(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    smtp_codes_report::write_json_line(out, value)?;
    Ok(())
}
