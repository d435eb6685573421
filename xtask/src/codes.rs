//! Reading the codes the catalogue writes as text: `5.7.1`, `X.1.1` and the `code` of a code
//! rule. Validation reports their errors; rendering reads them again once they are known to parse.

use anyhow::{Context, Result, bail};

/// What a code rule's `code` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleCode {
    Reply(u16),
    Enhanced(u8, u16, u16),
    Pattern(u16, u16),
}

/// Reads a code rule's `code`: a reply code (`521`), an enhanced code (`4.2.2`) or a pattern
/// (`X.1.1`).
pub(crate) fn rule_code(code: &str) -> Result<RuleCode> {
    if code.starts_with("X.") {
        let (s, d) = enhanced_pattern(code)?;
        return Ok(RuleCode::Pattern(s, d));
    }
    if code.contains('.') {
        let (c, s, d) = enhanced(code)?;
        return Ok(RuleCode::Enhanced(c, s, d));
    }
    let n: u16 = code.parse().with_context(|| format!("{code:?} is not a reply code"))?;
    if !(200..=599).contains(&n) || code.len() != 3 {
        bail!("{code:?} is not a reply code (three digits, first digit 2-5)");
    }
    Ok(RuleCode::Reply(n))
}

/// Reads `class.subject.detail` with a class of 2, 4 or 5.
pub(crate) fn enhanced(code: &str) -> Result<(u8, u16, u16)> {
    let (class, rest) = code.split_once('.').with_context(|| format!("{code:?} is not an enhanced code"))?;
    let class = match class {
        "2" => 2,
        "4" => 4,
        "5" => 5,
        _ => bail!("{code:?}: the class must be 2, 4 or 5"),
    };
    let (s, d) = enhanced_pattern(&format!("X.{rest}"))?;
    Ok((class, s, d))
}

/// Reads `X.subject.detail`: one to three digits each, no leading zeros.
pub(crate) fn enhanced_pattern(code: &str) -> Result<(u16, u16)> {
    let Some(rest) = code.strip_prefix("X.") else {
        bail!("code {code:?} must start with \"X.\" (the class is left open, as in the registry)");
    };
    let mut parts = rest.split('.');
    let (Some(subject), Some(detail), None) = (parts.next(), parts.next(), parts.next()) else {
        bail!("code {code:?} must have the form X.subject.detail");
    };
    let number = |part: &str, what: &str| -> Result<u16> {
        let ok = (1..=3).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
            && !(part.len() > 1 && part.starts_with('0'));
        if !ok {
            bail!("code {code:?}: the {what} must be one to three digits without a leading zero");
        }
        Ok(part.parse()?)
    };
    Ok((number(subject, "subject")?, number(detail, "detail")?))
}
