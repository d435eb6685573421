//! Tests of the generator: the committed file is fresh, and validation names what is wrong.

use anyhow::{Result, bail};

use crate::codegen::{self, Mode};
use crate::model::Catalogue;
use crate::render;

#[test]
fn generated_file_is_fresh() {
    let root = crate::project_root();
    if let Err(err) = codegen::run(&root, Mode::Check) {
        panic!("{err:#}");
    }
}

/// A minimal valid catalogue; each test below breaks one thing in it.
const VALID: &str = r#"
include = ["codes/providers/gmail.toml"]

[[digit]]
position = "first"
value = 2
name = "PositiveCompletion"
title = "Positive completion"
description = "Done."
source = "RFC 5321 §4.2.3"
"#;

fn digits_rest() -> String {
    let mut s = String::new();
    for (pos, range) in [("first", 3..=5), ("second", 0..=5)] {
        for v in range {
            s += &format!(
                "\n[[digit]]\nposition = \"{pos}\"\nvalue = {v}\nname = \"D{pos}{v}\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"RFC 5321 §4.2.3\"\n"
            );
        }
    }
    s.replace("Dfirst", "First").replace("Dsecond", "Second")
}

const REST: &str = r#"
[[reply]]
code = 550
name = "MailboxUnavailable"
title = "Mailbox unavailable"
status = "standard"
description = "No."
commands = ["RCPT"]
who_acts = "sender"
action = "Fix it."
source = "RFC 5321 §4.2.3"

[[class]]
class = 2
name = "Success"
title = "Success"
description = "d"
who_acts = "nobody"
source = "RFC 5321 §4.2.3"

[[class]]
class = 4
name = "Transient"
title = "t"
description = "d"
who_acts = "nobody"
source = "RFC 5321 §4.2.3"

[[class]]
class = 5
name = "Permanent"
title = "t"
description = "d"
who_acts = "nobody"
source = "RFC 5321 §4.2.3"

[[subject]]
subject = 1
name = "Addressing"
title = "Addressing Status"
description = "d"
who_acts = "sender"
source = "RFC 5321 §4.2.3"

[[enhanced]]
code = "X.1.1"
name = "BadDestinationMailbox"
title = "Bad destination mailbox address"
description = "d"
classes = [4, 5]
reply_codes = [451, 550]
who_acts = "sender"
action = "a"
rfcs = ["RFC 3463"]
status = "registered"
source = "RFC 5321 §4.2.3"
"#;

/// Where the included provider file starts in the one text that the tests edit.
const GMAIL: &str = "\n# file codes/providers/gmail.toml\n";

/// The catalogue as one text: `codes.toml`, then the included provider file after [`GMAIL`].
fn catalogue_with(edit: impl Fn(String) -> String) -> String {
    edit(format!("{VALID}{}{REST}{}{GMAIL}{PROVIDER}", digits_rest(), wording_and_rules()))
}

const PROVIDER: &str = r#"[[provider]]
id = "gmail"
name = "Gmail"
title = "Gmail"
markers = ["gsmtp"]
hosts = ["google.com"]
docs = ""
source = "RFC 5321 §4.2.3"
reply_source = "https://support.google.com/a/answer/3726730"

[[provider.reply]]
reply_code = 550
enhanced = "5.1.1"
text = "The email account that you tried to reach does not exist."
match = "does not exist"
distinctive = false
meaning = "m"
advice = "a"
reason = "userunknown"
"#;

/// Reads and validates a text made by [`catalogue_with`].
fn parse(text: &str) -> Result<Catalogue> {
    let (root, gmail) = text.split_once(GMAIL).expect("the provider file marker");
    codegen::catalogue(&mut |path| match path {
        "codes.toml" => Ok(root.to_owned()),
        "codes/providers/gmail.toml" => Ok(gmail.to_owned()),
        crate::source::SISIMAI_CORPUS => Ok("{\"file\": \"bsd/lhost-postfix-01.eml\", \"index\": 1}\n".to_owned()),
        _ => bail!("no such file"),
    })
}

fn wording_and_rules() -> String {
    let mut s = String::new();
    for (id, retry) in
        [("success", false), ("intermediate", false), ("transient", true), ("permanent", false), ("unknown", false)]
    {
        let name = format!("{}{}", id[..1].to_ascii_uppercase(), &id[1..]);
        s += &format!(
            "\n[[severity]]\nid = \"{id}\"\nname = \"{name}\"\ndoc = \"d\"\ntitle = \"t\"\ndescription = \"d\"\nretry = {retry}\nsource = \"RFC 5321 §4.2.3\"\n"
        );
    }
    for (id, name) in [
        ("nobody", "Nobody"),
        ("sender", "Sender"),
        ("sender-admin", "SenderAdmin"),
        ("recipient", "Recipient"),
        ("recipient-admin", "RecipientAdmin"),
    ] {
        s += &format!(
            "\n[[who]]\nid = \"{id}\"\nname = \"{name}\"\ndoc = \"d\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"RFC 5321 §4.2.3\"\n"
        );
    }
    for (id, name) in [("MAIL", "Mail"), ("RCPT", "Rcpt")] {
        s += &format!(
            "\n[[command]]\nid = \"{id}\"\nname = \"{name}\"\ndoc = \"d\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"RFC 5321 §4.2.3\"\n"
        );
    }
    for (id, name, hard) in [
        ("userunknown", "UserUnknown", true),
        ("delivered", "Delivered", false),
        ("onhold", "OnHold", false),
        ("undefined", "Undefined", false),
        ("rejected", "Rejected", false),
    ] {
        s += &format!(
            "\n[[reason]]\nid = \"{id}\"\nname = \"{name}\"\ntitle = \"t\"\ndescription = \"d\"\nhard_bounce = {hard}\nwho_acts = \"sender\"\naction = \"a\"\nsource = \"RFC 5321 §4.2.3\"\n"
        );
        if id == "userunknown" {
            s += "\n[[reason.phrase]]\nphrase = \"user unknown\"\nsource = \"RFC 5321 §4.2.3\"\n";
        }
    }
    s += r#"
[[code_rule]]
code = "X.1.1"
reason = "userunknown"
source = "RFC 5321 §4.2.3"

[[message]]
name = "SeverityCodesAgree"
text = "t"
source = "RFC 5321 §4.2.3"
"#;
    s
}

fn error_of(text: &str) -> String {
    match parse(text) {
        Ok(_) => panic!("expected an error"),
        Err(err) => format!("{err:#}"),
    }
}

#[test]
fn valid_catalogue_parses() {
    let text = catalogue_with(|s| s);
    let c = parse(&text).unwrap();
    assert_eq!(c.reply.len(), 1);
    assert_eq!(c.enhanced[0].code, "X.1.1");
    assert_eq!(c.reason[0].phrase.len(), 1);
    assert_eq!(c.provider[0].reply.len(), 1);
    assert_eq!(
        c.provider[0].source_of(c.provider[0].reply[0].get_ref()),
        "https://support.google.com/a/answer/3726730"
    );
}

#[test]
fn duplicate_code_is_named_with_its_line() {
    let text = catalogue_with(|s| {
        let dup = "\n[[reply]]\ncode = 550\nname = \"Again\"\ntitle = \"t\"\nstatus = \"standard\"\ndescription = \"d\"\ncommands = [\"RCPT\"]\nwho_acts = \"sender\"\naction = \"a\"\nsource = \"RFC 5321 §4.2.3\"\n";
        s.replacen("\n[[class]]", &format!("{dup}\n[[class]]"), 1)
    });
    // The error points at the `[[reply]]` header of the second entry, two lines above its name.
    let line = text.lines().position(|l| l == "name = \"Again\"").unwrap() - 1;
    let err = error_of(&text);
    assert!(err.contains("[[reply]] 550"), "{err}");
    assert!(err.contains(&format!("codes.toml:{line}: [[reply]] 550")), "{err}");
    assert!(err.contains("sorted"), "{err}");
}

#[test]
fn bad_identifier_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("\"MailboxUnavailable\"", "\"mailbox-unavailable\"")));
    assert!(err.contains("[[reply]] 550") && err.contains("UpperCamelCase"), "{err}");
}

#[test]
fn missing_source_is_rejected() {
    let err = error_of(&catalogue_with(|s| {
        s.replace("source = \"RFC 5321 §4.2.3\"\n\n[[class]]", "source = \"\"\n\n[[class]]")
    }));
    assert!(err.contains("`source` is missing or empty"), "{err}");
}

#[test]
fn absent_source_key_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("source = \"RFC 5321 §4.2.3\"\n\n[[class]]", "\n[[class]]")));
    assert!(err.contains("source"), "{err}");
}

#[test]
fn unknown_reason_in_a_rule_is_rejected() {
    let err = error_of(&catalogue_with(|s| {
        s.replace("code = \"X.1.1\"\nreason = \"userunknown\"", "code = \"X.1.1\"\nreason = \"nosuch\"")
    }));
    assert!(err.contains("[[code_rule]] X.1.1") && err.contains("\"nosuch\" has no [[reason]] entry"), "{err}");
}

#[test]
fn uppercase_phrase_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("phrase = \"user unknown\"", "phrase = \"User unknown\"")));
    assert!(err.contains("[[reason.phrase]] userunknown \"User unknown\"") && err.contains("lowercase"), "{err}");
}

#[test]
fn a_phrase_reply_code_must_be_a_reply_code() {
    let with = |code: &str| {
        catalogue_with(|s| {
            s.replace("phrase = \"user unknown\"", &format!("phrase = \"user unknown\"\nreply_code = {code}"))
        })
    };
    assert!(parse(&with("550")).is_ok());
    let err = error_of(&with("999"));
    assert!(
        err.contains("[[reason.phrase]] userunknown \"user unknown\"")
            && err.contains("`reply_code` must be a reply code"),
        "{err}"
    );
}

/// Phrases of bounces in other languages are UTF-8; they are stored in lowercase like the rest,
/// and a capital letter outside ASCII (which the classifier does not fold) is rejected too.
#[test]
fn utf8_phrase_is_accepted_in_lowercase_only() {
    let lower = catalogue_with(|s| s.replace("phrase = \"user unknown\"", "phrase = \"пользователь не найден\""));
    assert!(parse(&lower).is_ok());
    let lower = catalogue_with(|s| s.replace("phrase = \"user unknown\"", "phrase = \"宛先不明\""));
    assert!(parse(&lower).is_ok());
    let err =
        error_of(&catalogue_with(|s| s.replace("phrase = \"user unknown\"", "phrase = \"Пользователь не найден\"")));
    assert!(err.contains("Пользователь не найден") && err.contains("lowercase"), "{err}");
}

#[test]
fn provider_outside_its_own_file_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("id = \"gmail\"", "id = \"google\"")));
    assert!(err.contains("codes/providers/gmail.toml:1: [[provider]] google"), "{err}");
    assert!(err.contains("must be alone in codes/providers/google.toml"), "{err}");
}

#[test]
fn reply_source_repeated_by_a_reply_is_rejected() {
    let err = error_of(&catalogue_with(|s| {
        s.replace(
            "advice = \"a\"\nreason = \"userunknown\"\n",
            "advice = \"a\"\nreason = \"userunknown\"\nsource = \"https://support.google.com/a/answer/3726730\"\n",
        )
    }));
    assert!(err.contains("[[provider.reply]] gmail \"does not exist\"") && err.contains("leave it out"), "{err}");
}

/// A rule's own `who_acts` must name a `[[who]]` entry and differ from its reason's.
#[test]
fn rule_who_acts_is_checked() {
    let phrase = "phrase = \"user unknown\"\n";
    let reply = "advice = \"a\"\nreason = \"userunknown\"\n";
    let ok = catalogue_with(|s| {
        s.replace(phrase, &format!("{phrase}who_acts = \"recipient\"\n"))
            .replace(reply, &format!("{reply}who_acts = \"sender-admin\"\n"))
    });
    assert!(parse(&ok).is_ok());
    let err = error_of(&catalogue_with(|s| {
        s.replace(phrase, &format!("{phrase}who_acts = \"someone\"\n"))
            .replace(reply, &format!("{reply}who_acts = \"sender\"\n"))
    }));
    assert!(
        err.contains("[[reason.phrase]] userunknown \"user unknown\"")
            && err.contains("who_acts \"someone\" has no [[who]] entry"),
        "{err}"
    );
    assert!(
        err.contains("[[provider.reply]] gmail \"does not exist\"") && err.contains("`who_acts` repeats the reason's"),
        "{err}"
    );
}

#[test]
fn phrase_given_to_two_reasons_is_rejected() {
    let err = error_of(&catalogue_with(|s| {
        s.replace(
            "\n[[reason]]\nid = \"undefined\"",
            "\n[[reason.phrase]]\nphrase = \"user unknown\"\nsource = \"RFC 5321 §4.2.3\"\n\n[[reason]]\nid = \"undefined\"",
        )
    }));
    assert!(
        err.contains("[[reason.phrase]] onhold \"user unknown\"")
            && err.contains("already gives reason \"userunknown\""),
        "{err}"
    );
}

#[test]
fn missing_included_file_is_named() {
    let err = error_of(&catalogue_with(|s| {
        s.replace(
            "include = [\"codes/providers/gmail.toml\"]",
            "include = [\"codes/providers/gmail.toml\", \"codes/nosuch.toml\"]",
        )
    }));
    assert!(err.contains("codes.toml:2: include \"codes/nosuch.toml\"") && err.contains("no such file"), "{err}");
}

/// Every error is reported, each with its file, line and entry, not only the first.
#[test]
fn every_error_is_reported_with_its_line() {
    let text = catalogue_with(|s| {
        s.replace("\"MailboxUnavailable\"", "\"mailbox-unavailable\"")
            .replace("commands = [\"RCPT\"]", "commands = [\"RCTP\"]")
            .replace("phrase = \"user unknown\"", "phrase = \"User unknown\"")
            .replace("match = \"does not exist\"\ndistinctive = false\nmeaning = \"m\"\nadvice = \"a\"\nreason = \"userunknown\"", "match = \"does not exist\"\ndistinctive = false\nmeaning = \"m\"\nadvice = \"a\"\nreason = \"nosuch\"")
    });
    let (root, gmail) = text.split_once(GMAIL).unwrap();
    let line_of = |text: &str, line: &str, up: usize| text.lines().position(|l| l == line).unwrap() + 1 - up;
    let reply = line_of(root, "name = \"mailbox-unavailable\"", 2);
    let phrase = line_of(root, "phrase = \"User unknown\"", 1);
    let provider_reply = line_of(gmail, "reason = \"nosuch\"", 8);
    let err = error_of(&text);
    let expected = [
        format!("codes.toml:{reply}: [[reply]] 550: name \"mailbox-unavailable\" is not an UpperCamelCase"),
        format!("codes.toml:{reply}: [[reply]] 550: command \"RCTP\" has no [[command]] entry"),
        format!("codes.toml:{phrase}: [[reason.phrase]] userunknown \"User unknown\": `phrase` must be"),
        format!(
            "codes/providers/gmail.toml:{provider_reply}: [[provider.reply]] gmail \"does not exist\": reason \"nosuch\""
        ),
    ];
    for e in &expected {
        assert!(err.contains(e.as_str()), "missing {e:?} in:\n{err}");
    }
    assert!(err.contains("the catalogue has 4 errors"), "{err}");
}

#[test]
fn missing_fallback_reason_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("id = \"onhold\"", "id = \"onholdx\"")));
    assert!(err.contains("\"onhold\" is missing"), "{err}");
}

#[test]
fn unknown_key_is_rejected() {
    let err = error_of(&catalogue_with(|s| {
        s.replace(
            "who_acts = \"sender\"\naction = \"Fix it.\"",
            "who_acts = \"sender\"\nhint = \"x\"\naction = \"Fix it.\"",
        )
    }));
    assert!(err.contains("unknown field") && err.contains("hint"), "{err}");
}

#[test]
fn unsorted_enhanced_codes_are_rejected() {
    let text = catalogue_with(|s| {
        let early = "\n[[enhanced]]\ncode = \"X.1.0\"\nname = \"OtherAddress\"\ntitle = \"t\"\ndescription = \"d\"\nclasses = [5]\nreply_codes = []\nwho_acts = \"sender\"\naction = \"a\"\nrfcs = [\"RFC 3463\"]\nstatus = \"registered\"\nsource = \"RFC 5321 §4.2.3\"\n";
        format!("{s}{early}")
    });
    let err = error_of(&text);
    assert!(err.contains("[[enhanced]] X.1.0") && err.contains("sorted"), "{err}");
}

#[test]
fn enhanced_code_valid_in_no_class_is_rejected() {
    let err = error_of(&catalogue_with(|s| {
        s.replace("classes = [4, 5]\nreply_codes = [451, 550]", "classes = []\nreply_codes = []")
    }));
    assert!(err.contains("[[enhanced]] X.1.1") && err.contains("valid in no class"), "{err}");
}

#[test]
fn reply_code_outside_classes_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("classes = [4, 5]", "classes = [5]")));
    assert!(err.contains("reply code 451") && err.contains("class 4"), "{err}");
}

#[test]
fn malformed_enhanced_code_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("code = \"X.1.1\"", "code = \"X.01.1\"")));
    assert!(err.contains("leading zero"), "{err}");
}

#[test]
fn rendering_is_deterministic_and_marked() {
    let c = parse(&catalogue_with(|s| s)).unwrap();
    let a = render::render(&c).unwrap();
    let b = render::render(&c).unwrap();
    assert_eq!(a, b);
    let paths: Vec<&str> = a.iter().map(|(path, _)| *path).collect();
    assert_eq!(paths, [render::CATALOGUE_FILE, render::CLASSIFY_FILE, render::FORMATS_FILE]);
    for (path, text) in &a {
        assert!(
            text.starts_with("// \x40generated by `cargo xtask codegen` from codes.toml. Do not edit.\n"),
            "{path}"
        );
    }
    let (catalogue, classify) = (&a[0].1, &a[1].1);
    assert!(catalogue.contains("pub enum KnownReply"));
    assert!(catalogue.contains("550 => Some(Self::MailboxUnavailable)"));
    // One row per entry, and one constant per reply code.
    assert!(
        catalogue.contains(
            "ReplyRow {\n        code: ReplyCode::MAILBOX_UNAVAILABLE,\n        name: \"MailboxUnavailable\","
        )
    );
    assert!(catalogue.contains("pub const MAILBOX_UNAVAILABLE: ReplyCode = ReplyCode::from_catalogue(550);"));
    assert!(catalogue.contains("pub enum Command {") && catalogue.contains("CommandRow {\n        id: \"RCPT\","));
    assert!(!catalogue.contains("pub enum Reason") && classify.contains("pub enum Reason"));
    assert!(classify.contains("pub static PHRASE_RULES"));
}

#[test]
fn constant_names_are_screaming_snake_case() {
    assert_eq!(render::screaming_snake_case("MailboxUnavailable"), "MAILBOX_UNAVAILABLE");
    assert_eq!(render::screaming_snake_case("RetryOverIpv4"), "RETRY_OVER_IPV4");
    assert_eq!(render::screaming_snake_case("Completed"), "COMPLETED");
}

/// A generated file that the generator no longer writes is found, and only such a file.
#[test]
fn leftover_generated_files_are_found() {
    let dir = std::env::temp_dir().join(format!("xtask-leftovers-{}", std::process::id()));
    let nested = dir.join("classify");
    std::fs::create_dir_all(&nested).unwrap();
    let header = render::HEADER;
    let (old, current, hand) = (dir.join("generated.rs"), nested.join("generated.rs"), dir.join("lib.rs"));
    std::fs::write(&old, format!("{header}pub enum Old {{}}\n")).unwrap();
    std::fs::write(&current, format!("{header}pub enum New {{}}\n")).unwrap();
    std::fs::write(&hand, "//! Hand-written.\n").unwrap();
    let found = codegen::leftovers(&dir, std::slice::from_ref(&current));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.unwrap(), [old]);
}

/// A provider file's sources must follow the source format; every bad one is listed, each with
/// its table and entry, in one run.
#[test]
fn bad_sources_are_all_listed_with_their_entry() {
    let err = error_of(&catalogue_with(|s| {
        s.replace("reply_source = \"https://support.google.com/a/answer/3726730\"", "reply_source = \"observed\"")
            .replace(
                "docs = \"\"\nsource = \"RFC 5321 §4.2.3\"",
                "docs = \"\"\nsource = \"https://support.google.com\"",
            )
    }));
    // The reply takes the provider's `reply_source`, which is reported once, not once per reply.
    assert!(err.contains("the catalogue has 2 errors"), "{err}");
    assert!(err.contains("[[provider]] gmail: bad source \"https://support.google.com\""), "{err}");
    assert!(err.contains("[[provider]] gmail reply_source: bad source \"observed\""), "{err}");
}

#[test]
fn a_sample_outside_the_corpus_is_rejected() {
    let ok = catalogue_with(|s| {
        s.replace("https://support.google.com/a/answer/3726730", "sample:sisimai/bsd/lhost-postfix-01.eml")
    });
    assert!(parse(&ok).is_ok());
    let err = error_of(&catalogue_with(|s| {
        s.replace("https://support.google.com/a/answer/3726730", "sample:sisimai/bsd/lhost-nosuch-01.eml")
    }));
    assert!(err.contains("is not a `file` of tests/data/sisimai/lines.jsonl"), "{err}");
}

#[test]
fn a_bad_source_in_the_root_file_fails_the_check() {
    let err = error_of(&catalogue_with(|s| s.replacen("source = \"RFC 5321 §4.2.3\"", "source = \"RFC 5321\"", 1)));
    assert!(err.contains("bad source \"RFC 5321\""), "{err}");
}

/// A catalogue whose reason `userunknown` has one `[[reason.terms]]` entry with the words `all`
/// (a TOML list's inside) and `extra` lines.
fn with_terms(all: &str, extra: &str) -> String {
    catalogue_with(|s| {
        s.replace(
            "phrase = \"user unknown\"\nsource = \"RFC 5321 §4.2.3\"\n",
            &format!(
                "phrase = \"user unknown\"\nsource = \"RFC 5321 §4.2.3\"\n\n[[reason.terms]]\nall = [{all}]\n{extra}source = \"RFC 5321 §4.2.3\"\n"
            ),
        )
    })
}

#[test]
fn term_rules_parse_with_their_words() {
    let c = parse(&with_terms("\"no\", \"such\", \"user*\"", "none = [\"sender\"]\n")).unwrap();
    let terms = c.reason[0].terms[0].get_ref();
    assert_eq!((terms.all.len(), terms.none.len()), (3, 1));
}

#[test]
fn badly_formed_term_words_are_rejected() {
    for (all, why) in [
        ("", "at least one word"),
        ("\"User\"", "lowercase"),
        ("\"us*er\"", "lowercase text that starts and ends"),
        ("\"-user\"", "starts and ends with a letter or digit"),
        ("\"user\", \"user\"", "listed twice"),
    ] {
        let err = error_of(&with_terms(all, ""));
        assert!(err.contains("[[reason.terms]] userunknown") && err.contains(why), "{all}: {err}");
    }
}

/// The test catalogue with `none` (a TOML list's inside) on its phrase rule `user unknown`.
fn with_phrase_none(none: &str) -> String {
    catalogue_with(|s| {
        s.replace(
            "phrase = \"user unknown\"\nsource = \"RFC 5321 §4.2.3\"\n",
            &format!("phrase = \"user unknown\"\nnone = [{none}]\nsource = \"RFC 5321 §4.2.3\"\n"),
        )
    })
}

#[test]
fn phrase_rules_take_words_that_keep_them_from_matching() {
    let c = parse(&with_phrase_none("\"try again\"")).unwrap();
    assert_eq!(c.reason[0].phrase[0].get_ref().none, ["try again"]);
    for (none, why) in [
        ("\"Try again\"", "lowercase"),
        ("\"again.\"", "starts and ends with a letter or digit"),
        ("\"again\", \"again\"", "listed twice"),
        ("\"unknown\"", "is in the phrase itself"),
    ] {
        let err = error_of(&with_phrase_none(none));
        assert!(err.contains("[[reason.phrase]] userunknown") && err.contains(why), "{none}: {err}");
    }
}

#[test]
fn the_same_words_given_twice_are_rejected() {
    let twice =
        with_terms("\"no\", \"user\"", "source = \"RFC 5321 §4.2.3\"\n\n[[reason.terms]]\nall = [\"no\", \"user\"]\n");
    let err = error_of(&twice);
    assert!(err.contains("listed twice"), "{err}");
}

#[test]
fn formats_are_validated() {
    let good = "\n[[format]]\nid = \"qmail\"\ntitle = \"qmail\"\nmarkers = [\"hi. this is the qmail-send program\"]\nsource = \"RFC 5321 §4.2.3\"\n";
    let c = parse(&catalogue_with(|s| s + good)).unwrap();
    assert_eq!(c.format[0].markers.len(), 1);
    let bad_id = good.replace("id = \"qmail\"", "id = \"Q-mail\"");
    let err = error_of(&catalogue_with(|s| s + &bad_id));
    assert!(err.contains("[[format]] Q-mail") && err.contains("lowercase ASCII letters and digits"), "{err}");
    let no_markers = good.replace("markers = [\"hi. this is the qmail-send program\"]", "markers = []");
    assert!(error_of(&catalogue_with(|s| s + &no_markers)).contains("at least one text"));
    let upper = good.replace("hi. this is", "Hi. This is");
    assert!(error_of(&catalogue_with(|s| s + &upper)).contains("must be non-empty lowercase text"));
    let twice = format!("{good}{good}");
    assert!(error_of(&catalogue_with(|s| s + &twice)).contains("`id` is used twice"));
}
