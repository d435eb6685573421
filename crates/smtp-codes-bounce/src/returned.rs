//! The returned original cut down to its header block before MIME parsing: only its
//! Message-ID, From, To, Subject and Date are read ([`Original`](crate::Original)), so parsing
//! its body (quoted-printable or base64 parts, charsets, HTML) is work thrown away.
//!
//! The cut is made only where it cannot change what the readers see, which mail-parser decides
//! as follows. A `message/rfc822` (or `message/global`) part that is not base64 or
//! quoted-printable is parsed in place: its header block up to the first empty line, then its
//! body, which ends at the first `--boundary` of the multipart around it, wherever it stands.
//! When that part is the last one of the top-level multipart and nothing but white space
//! follows the closing `--boundary--`, removing the bytes between the end of its header block
//! and the closing delimiter leaves every other part, and the original's own headers, as they
//! were. Every condition below is checked on the bytes; when one fails, the message is parsed
//! whole.

use std::borrow::Cow;

use memchr::memmem;

/// How many `message/rfc822` part headers are tried, in order.
pub(crate) const CANDIDATES: usize = 4;

/// The fewest bytes from the first candidate to the end of the message for a cut to be tried:
/// below it, parsing the original's body costs less than checking that it can be cut.
pub(crate) const WORTH_CUTTING: usize = 8 << 10;

/// The most header lines walked back from a part's `Content-Type` line to its delimiter.
const MAX_PART_HEADER_LINES: usize = 32;

/// `body` with the returned original's body removed, when the first of `candidates` (the
/// starts of the lines that open a `message/rfc822` or `message/global` part) that can be cut
/// safely is found; else `body` itself.
pub(crate) fn headers_only<'b>(body: &'b [u8], candidates: &[usize]) -> Cow<'b, [u8]> {
    if candidates.first().is_none_or(|&first| body.len() - first < WORTH_CUTTING) {
        return Cow::Borrowed(body);
    }
    let Some((top_end, boundary)) = top_boundary(body) else { return Cow::Borrowed(body) };
    for &line in candidates.iter().take(CANDIDATES) {
        if let Some((keep, resume)) = cut_at(body, top_end, boundary, line) {
            let mut out = Vec::with_capacity(keep + body.len() - resume);
            out.extend_from_slice(&body[..keep]);
            out.extend_from_slice(&body[resume..]);
            return Cow::Owned(out);
        }
    }
    Cow::Borrowed(body)
}

/// Whether `line` is a `Content-Type: message/rfc822` or `message/global` field (and not
/// `message/global-delivery-status`, say), the types mail-parser parses in place.
pub(crate) fn opens_message(line: &[u8]) -> bool {
    let Some(value) = line.get(b"content-type:".len()..).filter(|_| starts_with_ci(line, b"content-type:")) else {
        return false;
    };
    let value = value.trim_ascii_start();
    [&b"message/rfc822"[..], b"message/global"].iter().any(|t| {
        starts_with_ci(value, t) && value.get(t.len()).is_none_or(|b| matches!(b, b';' | b' ' | b'\t' | b'\n' | b'\r'))
    })
}

/// The lines of `bytes`, each with its start offset, without its `\n`.
fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let at = start;
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |e| at + e);
        start = end + 1;
        Some((at, &bytes[at..end]))
    })
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

fn starts_with_ci(line: &[u8], prefix: &[u8]) -> bool {
    line.len() >= prefix.len() && line[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The end (just after the empty line) of the header block that starts `bytes`, when the block
/// has at least one line, ends with an empty line, has no line of white space only (which
/// mail-parser would also take for its end) and no line that starts with `--`.
fn header_end(bytes: &[u8]) -> Option<usize> {
    for (n, (at, line)) in lines(bytes).enumerate() {
        if line.is_empty() {
            return (n > 0).then_some(at + 1);
        }
        if is_blank(line) || line.starts_with(b"--") {
            return None;
        }
    }
    None
}

/// The value of a header field that starts at `line` (the field's first line, `name:`
/// included), unfolded: the text after the colon and its continuation lines.
fn field_value(bytes: &[u8], line: usize, name_len: usize) -> Vec<u8> {
    let mut value = Vec::new();
    for (n, (_, text)) in lines(&bytes[line..]).enumerate() {
        if n == 0 {
            value.extend_from_slice(&text[name_len.min(text.len())..]);
        } else if text.first().is_some_and(|b| matches!(b, b' ' | b'\t')) {
            value.push(b' ');
            value.extend_from_slice(text);
        } else {
            break;
        }
    }
    value
}

/// The `boundary` parameter of a `Content-Type` value: quoted, or a token.
fn boundary_of(value: &[u8]) -> Option<&[u8]> {
    let at = find_ci(value, b"boundary=")? + b"boundary=".len();
    let rest = &value[at..];
    let b = if let Some(quoted) = rest.strip_prefix(b"\"") {
        &quoted[..memchr::memchr(b'"', quoted)?]
    } else {
        let end = rest.iter().position(|b| matches!(b, b';' | b' ' | b'\t' | b'"')).unwrap_or(rest.len());
        &rest[..end]
    };
    // Another boundary parameter (or an RFC 2231 `boundary*` one) is not one to guess about.
    let again = find_ci(&rest[b.len()..], b"boundary").is_some();
    (!b.is_empty() && !again).then_some(b)
}

/// Where `needle` (lower case ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut from = 0;
    while let Some(at) = memchr::memchr2(*first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + at;
        if starts_with_ci(&hay[at..], needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where the first `boundary=` (in any case) of `hay` starts: each `=` is looked at, which is
/// fewer stops than each `b`.
fn boundary_param(hay: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'=', hay).find_map(|eq| {
        let start = eq.checked_sub(b"boundary".len())?;
        hay[start..eq].eq_ignore_ascii_case(b"boundary").then_some(start)
    })
}

/// The end of the top header block and the boundary of the top-level multipart, when the
/// block has exactly one `Content-Type`, a `multipart/` one with one boundary.
fn top_boundary(body: &[u8]) -> Option<(usize, &[u8])> {
    let end = header_end(body)?;
    let mut content_type = None;
    for (at, line) in lines(&body[..end]) {
        if starts_with_ci(line, b"content-type:") {
            if content_type.is_some() {
                return None;
            }
            content_type = Some(at);
        }
    }
    let value = field_value(&body[..end], content_type?, b"content-type:".len());
    let trimmed = value.trim_ascii_start();
    if !starts_with_ci(trimmed, b"multipart/") {
        return None;
    }
    let b = boundary_of(trimmed)?;
    // Back to a slice of `body`, which outlives the unfolded copy.
    let at = memmem::find(&body[..end], b)?;
    Some((end, &body[at..at + b.len()]))
}

/// `(keep, resume)`: keep `body[..keep]` and `body[resume..]`, cutting the body of the
/// `message/rfc822` part whose `Content-Type` line starts at `line`; `None` when any condition
/// of the module's description fails.
fn cut_at(body: &[u8], top_end: usize, boundary: &[u8], line: usize) -> Option<(usize, usize)> {
    let line_end = memchr::memchr(b'\n', &body[line..]).map_or(body.len(), |e| line + e);
    if !opens_message(&body[line..line_end]) {
        return None;
    }
    let mut delimiter = Vec::with_capacity(boundary.len() + 2);
    delimiter.extend_from_slice(b"--");
    delimiter.extend_from_slice(boundary);

    // Back from the Content-Type line to the delimiter line that opens the part: header lines
    // only between them.
    let mut start = line;
    let mut open = None;
    for _ in 0..MAX_PART_HEADER_LINES {
        if start == 0 || start <= top_end {
            return None;
        }
        let prev_end = start - 1;
        let prev_start = memchr::memrchr(b'\n', &body[..prev_end]).map_or(0, |p| p + 1);
        let prev = &body[prev_start..prev_end];
        if prev.starts_with(b"--") {
            open = Some((prev_start, prev));
            break;
        }
        if is_blank(prev) {
            return None;
        }
        start = prev_start;
    }
    let (open_at, open_line) = open?;
    if open_line.trim_ascii_end() != delimiter.as_slice() {
        return None;
    }

    // The part's own headers: one Content-Type, neither base64 nor quoted-printable.
    let part_start = open_at + open_line.len() + 1;
    let part_end = part_start + header_end(&body[part_start..])?;
    let mut types = 0;
    for (at, text) in lines(&body[part_start..part_end]) {
        if starts_with_ci(text, b"content-type:") {
            types += 1;
        }
        if starts_with_ci(text, b"content-transfer-encoding:") {
            let value = field_value(&body[part_start..part_end], at, b"content-transfer-encoding:".len());
            if find_ci(&value, b"base64").is_some() || find_ci(&value, b"quoted-printable").is_some() {
                return None;
            }
        }
    }
    if types != 1 {
        return None;
    }

    // The original's header block, then the closing delimiter: the first `--boundary` after
    // the header block, followed by `--` and white space only.
    let keep = part_end + header_end(&body[part_end..])?;
    let resume = keep + memmem::find(&body[keep..], &delimiter)?;
    let after = &body[resume + delimiter.len()..];
    if !(after.starts_with(b"--") && is_blank(&after[2..])) {
        return None;
    }

    // Every multipart opened between the top headers and this part is closed before it, so
    // that mail-parser reads the part's delimiter as the top-level one.
    let mut from = top_end;
    while let Some(at) = boundary_param(&body[from..open_at]) {
        let at = from + at;
        let line_end = memchr::memchr(b'\n', &body[at..open_at]).map_or(open_at, |e| at + e);
        let inner = boundary_of(&body[at..line_end])?;
        let mut close = Vec::with_capacity(inner.len() + 4);
        close.extend_from_slice(b"--");
        close.extend_from_slice(inner);
        close.extend_from_slice(b"--");
        memmem::find(&body[at..open_at], &close)?;
        from = line_end;
    }
    Some((keep, resume))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(m: &[u8]) -> Vec<usize> {
        lines(m).filter(|(_, l)| opens_message(l)).map(|(at, _)| at).collect()
    }

    /// A bounce whose original has a body of `WORTH_CUTTING` bytes.
    fn bounce() -> String {
        let body = "The body, never read.\n".repeat(WORTH_CUTTING / 22 + 1);
        format!(
            "From: MAILER-DAEMON@mx.example.org\nContent-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nNo such user.\n--B\nContent-Type: message/rfc822\n\nFrom: alice@example.org\nSubject: Hello\n\n{body}--B--\n"
        )
    }

    #[test]
    fn cuts_the_last_original() {
        let bounce = bounce();
        let m = bounce.as_bytes();
        let cut = headers_only(m, &candidates(m));
        let want = bounce.replace("The body, never read.\n", "");
        assert_eq!(String::from_utf8_lossy(&cut), want);
        // A small original is not worth the checks.
        let small = want.as_bytes();
        assert!(matches!(headers_only(small, &candidates(small)), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_what_it_cannot_prove() {
        let cases = [
            // A part after the original.
            bounce().replace("--B--\n", "--B\nContent-Type: text/plain\n\nMore.\n--B--\n"),
            // No closing delimiter (a truncated bounce).
            bounce().replace("--B--\n", ""),
            // An encoded original.
            bounce().replace(
                "Content-Type: message/rfc822\n",
                "Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n",
            ),
            // An inner multipart not closed before the original.
            bounce().replace(
                "--B\nContent-Type: text/plain\n\nNo such user.\n",
                "--B\nContent-Type: multipart/alternative; boundary=\"A\"\n\n--A\nContent-Type: text/plain\n\nNo such user.\n",
            ),
            // The original's header block is not ended by an empty line.
            bounce().replace("Subject: Hello\n\n", "Subject: Hello\n  \n"),
            // A global delivery-status part is no original.
            bounce().replace("message/rfc822", "message/global-delivery-status"),
            // Not a multipart at the top.
            bounce().replace("multipart/report", "text/plain"),
        ];
        for case in cases {
            let m = case.as_bytes();
            assert!(matches!(headers_only(m, &candidates(m)), Cow::Borrowed(_)), "{case}");
        }
        // A closed inner multipart does not stop the cut.
        let closed = bounce().replace(
            "--B\nContent-Type: text/plain\n\nNo such user.\n",
            "--B\nContent-Type: multipart/alternative; boundary=\"A\"\n\n--A\nContent-Type: text/plain\n\nNo such user.\n--A--\n",
        );
        let m = closed.as_bytes();
        assert!(matches!(headers_only(m, &candidates(m)), Cow::Owned(_)));
    }
}
