//! One CSV record (RFC 4180): fields separated by commas, a field in double quotes may hold
//! commas, and `""` inside quotes is one quote. Exchange's tracking logs and Microsoft 365's
//! trace exports quote subjects, contexts and replies that hold commas, so a plain split on `,`
//! would shift every later column.

use std::borrow::Cow;

/// The fields of `line`. A field is borrowed unless it held a doubled quote. A quote left open
/// at the end of the line ends the last field there (the line was cut).
pub(crate) fn fields(line: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::with_capacity(32);
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        if b.get(i) == Some(&b'"') {
            // A quoted field: up to the quote not followed by another.
            let start = i + 1;
            let mut j = start;
            let mut owned: Option<String> = None;
            let mut from = start;
            let end = loop {
                match memchr::memchr(b'"', &b[j..]) {
                    None => break b.len(),
                    Some(k) => {
                        let q = j + k;
                        if b.get(q + 1) == Some(&b'"') {
                            owned.get_or_insert_with(String::new).push_str(&line[from..=q]);
                            j = q + 2;
                            from = j;
                        } else {
                            break q;
                        }
                    }
                }
            };
            let field = match owned {
                Some(mut s) => {
                    s.push_str(&line[from..end]);
                    Cow::Owned(s)
                }
                None => Cow::Borrowed(&line[start..end]),
            };
            out.push(field);
            // Skip anything between the closing quote and the next comma.
            let after = (end + 1).min(b.len());
            match memchr::memchr(b',', &b[after..]) {
                Some(k) => i = after + k + 1,
                None => return out,
            }
        } else {
            match memchr::memchr(b',', &b[i..]) {
                Some(k) => {
                    out.push(Cow::Borrowed(&line[i..i + k]));
                    i += k + 1;
                }
                None => {
                    out.push(Cow::Borrowed(&line[i..]));
                    return out;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_their_commas_and_quotes() {
        let f = fields(r#"a,"b, c",,"say ""hi""",e"#);
        assert_eq!(f, ["a", "b, c", "", "say \"hi\"", "e"]);
        assert!(matches!(f[1], Cow::Borrowed(_)));
        assert_eq!(fields(""), [""]);
        assert_eq!(fields("a,"), ["a", ""]);
        // A quote left open: the rest of the line.
        assert_eq!(fields(r#"a,"b, c"#), ["a", "b, c"]);
        assert_eq!(fields(r#""x"y,z"#), ["x", "z"]);
    }
}
