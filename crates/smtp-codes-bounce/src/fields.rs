//! Header-like fields of RFC 3464 delivery-status parts and RFC 5965 feedback reports: blocks
//! separated by blank lines, folded lines, `type; value` fields. No MIME crate reads these.

/// One field: its name in lower case and its value, unfolded and trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub(crate) name: String,
    pub(crate) value: String,
}

/// The fields of a part, block by block: a blank line (or a line of white space) ends a block.
/// Folded lines (starting with white space) continue the field before them, joined with one
/// space. Lines that are not `name: value` are skipped.
pub(crate) fn blocks(text: &str) -> Vec<Vec<Field>> {
    let mut blocks: Vec<Vec<Field>> = Vec::new();
    let mut current: Vec<Field> = Vec::new();
    // Whether the line before was a field, which a folded line may continue.
    let mut continuable = false;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(core::mem::take(&mut current));
            }
            continuable = false;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if continuable && let Some(last) = current.last_mut() {
                let more = line.trim();
                if !last.value.is_empty() {
                    last.value.push(' ');
                }
                last.value.push_str(more);
            }
            continue;
        }
        match split_field(line) {
            Some((name, value)) => {
                current.push(Field { name: name.to_ascii_lowercase(), value: value.trim().to_owned() });
                continuable = true;
            }
            None => continuable = false,
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// `Name: value` with a name of printable ASCII without spaces or colons (RFC 5322 field-name).
fn split_field(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let ok = !name.is_empty() && name.len() <= 64 && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    ok.then(|| (name, &line[colon + 1..]))
}

/// Splits a `type; value` field (`rfc822; bob@example.org`, `smtp; 550 5.1.1 ...`): the type
/// when the text before the first `;` is one word, and the value after it; otherwise no type and
/// the whole value.
pub(crate) fn typed(value: &str) -> (Option<&str>, &str) {
    if let Some(semi) = value.find(';') {
        let kind = value[..semi].trim();
        if !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        {
            return (Some(kind), value[semi + 1..].trim());
        }
    }
    (None, value.trim())
}

/// An address from a `type; address` field: without the type, the angle brackets and
/// surrounding quotes; RFC 6533's `\x{HH}` escapes of a `utf-8` address decoded.
pub(crate) fn address(value: &str) -> Option<String> {
    let (kind, rest) = typed(value);
    let mut addr = rest.trim();
    if let (Some(open), Some(close)) = (addr.find('<'), addr.rfind('>'))
        && open < close
    {
        addr = &addr[open + 1..close];
    }
    let addr = addr.trim().trim_matches(['"', '\'']).trim();
    if addr.is_empty() {
        return None;
    }
    if kind.is_some_and(|k| k.eq_ignore_ascii_case("utf-8")) {
        return Some(unescape_utf8(addr));
    }
    Some(addr.to_owned())
}

/// Decodes RFC 6533 `\x{HEX}` escapes (a Unicode scalar value in hex); anything malformed is
/// kept as it is.
fn unescape_utf8(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("\\x{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let decoded = after
            .find('}')
            .filter(|&end| end > 0 && end <= 6)
            .and_then(|end| u32::from_str_radix(&after[..end], 16).ok().map(|v| (v, end)))
            .and_then(|(v, end)| char::from_u32(v).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("\\x{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A host from a `dns; host` field (`Remote-MTA`, `Reporting-MTA`): without the type, and
/// without a bracketed address or comment after the name (`mx.example.org [192.0.2.1]`).
pub(crate) fn host(value: &str) -> Option<String> {
    let (_, rest) = typed(value);
    let name = rest.split([' ', '\t', '(']).next().unwrap_or("").trim_matches(['[', ']', '.']);
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_blocks() {
        let b = blocks(
            "Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; a@b\nDiagnostic-Code: smtp; 550 5.1.1\n  user unknown\n",
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[1][1].value, "smtp; 550 5.1.1 user unknown");
        assert_eq!(typed(&b[1][1].value), (Some("smtp"), "550 5.1.1 user unknown"));
    }

    #[test]
    fn addresses_and_hosts() {
        assert_eq!(address("rfc822; <bob@example.org>").as_deref(), Some("bob@example.org"));
        assert_eq!(address("utf-8; j\\x{F6}rg@example.org").as_deref(), Some("jörg@example.org"));
        assert_eq!(host("dns; mx.example.org [192.0.2.1]").as_deref(), Some("mx.example.org"));
        assert_eq!(typed("550 5.1.1 user unknown; see x"), (None, "550 5.1.1 user unknown; see x"));
    }
}
