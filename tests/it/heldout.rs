//! How well the phrase rules generalise: the share of Sisimai's reasons reproduced on families of
//! bounces (MTAs and providers) whose own rules are taken away.
//!
//! The rules were written while looking at `tests/data/sisimai/lines.jsonl`, so the share on those
//! lines (the fitted figure, `classify::sisimai_reasons_share_stays_above_the_floor`) flatters
//! them. The held-out figure is leave-one-family-out: a line's family is its file name without
//! the trailing `-NN` (`lhost-postfix-07.eml` is `lhost-postfix`), as
//! `/work/shared/tools/family-folds` splits them. When family F is held out, every phrase rule
//! or term rule that occurs in a line of F and in no line of another family is taken out of the classifier
//! (whatever its source says: the Sisimai patterns were themselves written from these bounces),
//! and F's lines are classified by the rest. Rules that only F needs then count for nothing, and
//! what is right on F is what the rules needed elsewhere, the code rules and the provider replies
//! give. The figure is the sum over all families.
//!
//! Two figures are kept. The strict one takes out every rule that only F's lines contain,
//! whatever its source says. The sourced one keeps such a rule when its `source` names a general
//! source, one that is not a family's own text: a per-reason pattern list of Sisimai
//! (`lib/Sisimai/Reason/*.pm` and its Ruby and Go counterparts, not its per-MTA `Lhost` or
//! per-provider `Rhost` modules), a real message of the independent flufl.bounce corpus
//! (`sample:flufl/...`) or of Crisp's email-bounce-parser fixtures or PHP Bounce Handler's test messages
//! (`sample:crisp/...`, `sample:php-bounce-handler/...`), ZoneMTA's bounce rules (`zone-eu/zone-mta:config/bounces.txt`), or an
//! MTA's own source code for every family but that MTA's. The sourced figure flatters the rules too,
//! since Sisimai wrote its lists while looking at the same bounces; the strict one is the lower
//! bound, and a rule is worth adding when it raises either without lowering the other.
//!
//! Reproduce with `cargo test -p smtp-codes-tests --test it heldout -- --nocapture`, which prints
//! both figures and the held-out misses.

use std::collections::{BTreeMap, BTreeSet};

use smtp_codes::classify::{Classifier, Context, PHRASE_RULES, PhraseRule, TERM_RULES, TermRule};
use smtp_codes::{Command, diagnose_bytes};

use super::classify::{Line, command, lines};

/// A line's family: its file name without the directory, the extension and a trailing `-NN`.
fn family(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    match stem.rsplit_once(['-', '_']) {
        Some((head, tail)) if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => stem,
    }
}

/// Whether a rule for `wanted` may apply to a reply that answered `got`, as the classifier
/// decides it (a rule for the end of the data also applies to "DATA").
fn same_stage(wanted: Command, got: Option<Command>) -> bool {
    match got {
        Some(Command::Data) => matches!(wanted, Command::Data | Command::DataEnd),
        got => got == Some(wanted),
    }
}

/// Whether `rule` occurs in `line` the way the classifier looks for it: its phrase anywhere in
/// the text with ASCII case ignored, and its command, if it has one, the one the reply answered.
fn occurs(rule: &PhraseRule, line: &Line, lowered: &str) -> bool {
    lowered.contains(rule.phrase())
        && rule.command().is_none_or(|c| {
            let got = command(&line.command).or_else(|| diagnose_bytes(line.text.as_bytes()).command());
            same_stage(c, got)
        })
}

/// Whether `word` (lowercase, a trailing `*` for any word it begins) occurs in `lowered` as a
/// whole word, as the classifier looks for it: an edge that is an ASCII letter or digit must not
/// touch a letter, a digit or a non-ASCII byte.
fn has_word(lowered: &str, word: &str) -> bool {
    let (bare, prefix) = match word.strip_suffix('*') {
        Some(bare) => (bare, true),
        None => (word, false),
    };
    let (text, w) = (lowered.as_bytes(), bare.as_bytes());
    let inside = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    lowered.match_indices(bare).any(|(at, _)| {
        let end = at + w.len();
        let starts = !w[0].is_ascii_alphanumeric() || at == 0 || !inside(text[at - 1]);
        let ends = prefix || !w[w.len() - 1].is_ascii_alphanumeric() || text.get(end).is_none_or(|&b| !inside(b));
        starts && ends
    })
}

/// Whether term rule `rule` applies to `line`: all its words occur, none of its excluded ones,
/// and its command, if it has one, is the one the reply answered.
fn terms_occur(rule: &TermRule, line: &Line, lowered: &str) -> bool {
    rule.all().iter().all(|w| has_word(lowered, w))
        && !rule.none().iter().any(|w| has_word(lowered, w))
        && rule.command().is_none_or(|c| {
            let got = command(&line.command).or_else(|| diagnose_bytes(line.text.as_bytes()).command());
            same_stage(c, got)
        })
}

fn context(line: &Line) -> Context<'_> {
    let host = (!line.remote_host.is_empty()).then_some(line.remote_host.as_str());
    Context::new().with_command(command(&line.command)).with_remote_host(host)
}

/// Whether a rule's source is a general one, not a family's own text (see the module docs).
/// The source is a list of references separated by `; `; any one of them that names a per-reason
/// pattern list of Sisimai (the Perl `lib/Sisimai/Reason/*.pm`, the Ruby `lib/sisimai/reason/*.rb`
/// or the Go `reason/why-*.go`), a flufl.bounce sample or ZoneMTA's list of bounce rules (the
/// replies another project met, filed by category) makes the rule general.
///
/// An MTA's own source code (`https://sources.debian.org/src/<package>/...`: Postfix, Exim,
/// Sendmail) says what that MTA writes without any bounce, so it is general for every family but
/// that MTA's own (`lhost-exim` for Exim's): a provider that runs the MTA (Mail.ru runs Exim)
/// keeps the rule.
fn general_source(source: &str, family: &str) -> bool {
    source.split("; ").any(|reference| {
        reference.starts_with("sisimai/p5-sisimai:lib/Sisimai/Reason/")
            || reference.starts_with("sisimai/rb-sisimai:lib/sisimai/reason/")
            || reference.starts_with("sisimai/go-sisimai:reason/why-")
            || reference.starts_with("sample:flufl/")
            || reference.starts_with("sample:crisp/")
            || reference.starts_with("sample:php-bounce-handler/")
            || reference.starts_with("zone-eu/zone-mta:config/bounces.txt@")
            || reference.strip_prefix("https://sources.debian.org/src/").is_some_and(|rest| {
                let package = rest.split('/').next().unwrap_or_default();
                let mta = package.trim_end_matches(|c: char| c.is_ascii_digit());
                !mta.is_empty() && !family.contains(mta)
            })
    })
}

/// The share of Sisimai's reasons on held-out families: `(right, total, misses)`. With `sourced`,
/// a rule from a general source is kept even when only the held-out family contains it.
fn held_out(lines: &[Line], sourced: bool) -> (usize, usize, Vec<String>) {
    // For each phrase rule, the families of the lines it occurs in.
    let mut families_of: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); PHRASE_RULES.len()];
    let mut term_families: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); TERM_RULES.len()];
    for line in lines {
        let lowered = line.text.to_ascii_lowercase();
        for (i, rule) in PHRASE_RULES.iter().enumerate() {
            if occurs(rule, line, &lowered) {
                families_of[i].insert(family(&line.file));
            }
        }
        for (i, rule) in TERM_RULES.iter().enumerate() {
            if terms_occur(rule, line, &lowered) {
                term_families[i].insert(family(&line.file));
            }
        }
    }
    let mut by_family: BTreeMap<&str, Vec<&Line>> = BTreeMap::new();
    for line in lines {
        by_family.entry(family(&line.file)).or_default().push(line);
    }
    let full = Classifier::new();
    let (mut right, mut misses) = (0, Vec::new());
    for (fam, members) in &by_family {
        let only_here = |families: &BTreeSet<&str>| families.len() == 1 && families.contains(fam);
        let own_only = |rule: &PhraseRule| {
            let i = PHRASE_RULES.iter().position(|r| std::ptr::eq(r, rule)).unwrap();
            only_here(&families_of[i]) && !(sourced && general_source(rule.source(), fam))
        };
        let own_terms = |rule: &TermRule| {
            let i = TERM_RULES.iter().position(|r| std::ptr::eq(r, rule)).unwrap();
            only_here(&term_families[i]) && !(sourced && general_source(rule.source(), fam))
        };
        let owned = PHRASE_RULES.iter().any(own_only) || TERM_RULES.iter().any(own_terms);
        let reduced;
        let classifier = if owned {
            reduced = Classifier::with_rule_filter(|r| !own_only(r), |r| !own_terms(r));
            &reduced
        } else {
            &full
        };
        for line in members {
            let c = classifier.classify(line.text.as_bytes(), &context(line));
            if c.reason().id() == line.reason {
                right += 1;
            } else {
                misses.push(format!(
                    "{} want {} got {} ({}): {}",
                    line.file,
                    line.reason,
                    c.reason().id(),
                    c.rule().kind(),
                    line.text.chars().take(160).collect::<String>()
                ));
            }
        }
    }
    (right, lines.len(), misses)
}

/// The floors under the held-out-family shares, strict and sourced. The strict floor was set at
/// 230 (66.3%) of 347, the sourced one at 0.79 when every phrase rule came to cite the file its
/// text is in (231 and 279, 80.4%); both were raised when the term rules (families of wordings)
/// came (242 and 286, 69.7% and 82.4%), each with a margin of about five lines, and again at 249
/// and 290 (71.8% and 83.6%). Raise them when the rules generalise better, never lower them.
const HELD_OUT_FLOOR: f64 = 0.70;
const SOURCED_FLOOR: f64 = 0.82;

#[test]
fn held_out_family_share_stays_above_the_floor() {
    let lines = lines();
    let full = Classifier::new();
    let fitted =
        lines.iter().filter(|l| full.classify(l.text.as_bytes(), &context(l)).reason().id() == l.reason).count();
    let (right, total, misses) = held_out(&lines, false);
    let (sourced, _, sourced_misses) = held_out(&lines, true);
    for m in &misses {
        let label = if sourced_misses.contains(m) { "held-out miss" } else { "held-out miss (strict only)" };
        eprintln!("{label}: {m}");
    }

    for m in sourced_misses.iter().filter(|m| !misses.contains(m)) {
        eprintln!("held-out miss (sourced only): {m}");
    }
    let pct = |n: usize| n as f64 * 100.0 / total as f64;
    eprintln!("fitted: {fitted} of {total} ({:.1}%)", pct(fitted));
    eprintln!("held-out families, strict: {right} of {total} ({:.1}%)", pct(right));
    eprintln!("held-out families, sourced: {sourced} of {total} ({:.1}%)", pct(sourced));
    let share = right as f64 / total as f64;
    assert!(share >= HELD_OUT_FLOOR, "strict held-out share {share:.3} fell below the floor {HELD_OUT_FLOOR}");
    let share = sourced as f64 / total as f64;
    assert!(share >= SOURCED_FLOOR, "sourced held-out share {share:.3} fell below the floor {SOURCED_FLOOR}");
}
