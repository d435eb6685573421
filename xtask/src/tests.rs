//! Tests of the generator: the committed file is fresh, and validation names what is wrong.

use crate::catalogue;
use crate::codegen::{self, Mode};

#[test]
fn generated_file_is_fresh() {
    let root = crate::project_root();
    if let Err(err) = codegen::run(&root, Mode::Check) {
        panic!("{err:#}");
    }
}

/// A minimal valid catalogue; each test below breaks one thing in it.
const VALID: &str = r#"
[[digit]]
position = "first"
value = 2
name = "PositiveCompletion"
title = "Positive completion"
description = "Done."
source = "RFC 5321"
"#;

fn digits_rest() -> String {
    let mut s = String::new();
    for (pos, range) in [("first", 3..=5), ("second", 0..=5)] {
        for v in range {
            s += &format!(
                "\n[[digit]]\nposition = \"{pos}\"\nvalue = {v}\nname = \"D{pos}{v}\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"s\"\n"
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
source = "RFC 5321"

[[class]]
class = 2
name = "Success"
title = "Success"
description = "d"
who_acts = "nobody"
source = "s"

[[class]]
class = 4
name = "Transient"
title = "t"
description = "d"
who_acts = "nobody"
source = "s"

[[class]]
class = 5
name = "Permanent"
title = "t"
description = "d"
who_acts = "nobody"
source = "s"

[[subject]]
subject = 1
name = "Addressing"
title = "Addressing Status"
description = "d"
who_acts = "sender"
source = "s"

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
source = "s"
"#;

fn catalogue_with(edit: impl Fn(String) -> String) -> String {
    edit(format!("{VALID}{}{REST}{}", digits_rest(), wording_and_rules()))
}

fn wording_and_rules() -> String {
    let mut s = String::new();
    for (id, retry) in
        [("success", false), ("intermediate", false), ("transient", true), ("permanent", false), ("unknown", false)]
    {
        s += &format!(
            "\n[[severity]]\nid = \"{id}\"\ntitle = \"t\"\ndescription = \"d\"\nretry = {retry}\nsource = \"s\"\n"
        );
    }
    for id in ["nobody", "sender", "sender-admin", "recipient", "recipient-admin"] {
        s += &format!("\n[[who]]\nid = \"{id}\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"s\"\n");
    }
    for (id, name, hard) in [
        ("userunknown", "UserUnknown", true),
        ("delivered", "Delivered", false),
        ("onhold", "OnHold", false),
        ("undefined", "Undefined", false),
    ] {
        s += &format!(
            "\n[[reason]]\nid = \"{id}\"\nname = \"{name}\"\ntitle = \"t\"\ndescription = \"d\"\nhard_bounce = {hard}\nwho_acts = \"sender\"\naction = \"a\"\nsource = \"s\"\n"
        );
    }
    s += r#"
[[phrase]]
phrase = "user unknown"
reason = "userunknown"
source = "s"

[[code_rule]]
code = "X.1.1"
reason = "userunknown"
source = "s"

[[provider]]
id = "gmail"
name = "Gmail"
title = "Gmail"
markers = ["gsmtp"]
hosts = ["google.com"]
docs = ""
source = "s"

[[provider_reply]]
provider = "gmail"
reply_code = 550
enhanced = "5.1.1"
text = "The email account that you tried to reach does not exist."
match = "does not exist"
distinctive = false
meaning = "m"
advice = "a"
reason = "userunknown"
source = "s"

[[message]]
name = "SeverityCodesAgree"
text = "t"
source = "s"
"#;
    s
}

fn error_of(text: &str) -> String {
    match catalogue::parse(text) {
        Ok(_) => panic!("expected an error"),
        Err(err) => format!("{err:#}"),
    }
}

#[test]
fn valid_catalogue_parses() {
    let text = catalogue_with(|s| s);
    let c = catalogue::parse(&text).unwrap();
    assert_eq!(c.reply.len(), 1);
    assert_eq!(c.enhanced[0].get_ref().parts().unwrap(), (1, 1));
}

#[test]
fn duplicate_code_is_named_with_its_line() {
    let text = catalogue_with(|s| {
        let dup = "\n[[reply]]\ncode = 550\nname = \"Again\"\ntitle = \"t\"\nstatus = \"standard\"\ndescription = \"d\"\ncommands = [\"RCPT\"]\nwho_acts = \"sender\"\naction = \"a\"\nsource = \"s\"\n";
        s.replacen("\n[[class]]", &format!("{dup}\n[[class]]"), 1)
    });
    // The error points at the `[[reply]]` header of the second entry, two lines above its name.
    let line = text.lines().position(|l| l == "name = \"Again\"").unwrap() - 1;
    let err = error_of(&text);
    assert!(err.contains("[[reply]] 550"), "{err}");
    assert!(err.contains(&format!("line {line}")), "{err}");
    assert!(err.contains("sorted"), "{err}");
}

#[test]
fn bad_identifier_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("\"MailboxUnavailable\"", "\"mailbox-unavailable\"")));
    assert!(err.contains("[[reply]] 550") && err.contains("UpperCamelCase"), "{err}");
}

#[test]
fn missing_source_is_rejected() {
    let err =
        error_of(&catalogue_with(|s| s.replace("source = \"RFC 5321\"\n\n[[class]]", "source = \"\"\n\n[[class]]")));
    assert!(err.contains("`source` is missing or empty"), "{err}");
}

#[test]
fn absent_source_key_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("source = \"RFC 5321\"\n\n[[class]]", "\n[[class]]")));
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
    assert!(err.contains("[[phrase]]") && err.contains("lowercase"), "{err}");
}

#[test]
fn provider_reply_of_unknown_provider_is_rejected() {
    let err = error_of(&catalogue_with(|s| s.replace("provider = \"gmail\"", "provider = \"nosuch\"")));
    assert!(err.contains("[[provider_reply]]") && err.contains("no [[provider]] entry"), "{err}");
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
        let early = "\n[[enhanced]]\ncode = \"X.1.0\"\nname = \"OtherAddress\"\ntitle = \"t\"\ndescription = \"d\"\nclasses = [5]\nreply_codes = []\nwho_acts = \"sender\"\naction = \"a\"\nrfcs = [\"RFC 3463\"]\nstatus = \"registered\"\nsource = \"s\"\n";
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
    let c = catalogue::parse(&catalogue_with(|s| s)).unwrap();
    let a = crate::render::render(&c).unwrap();
    let b = crate::render::render(&c).unwrap();
    assert_eq!(a, b);
    assert!(a.starts_with("// \x40generated by `cargo xtask codegen` from codes.toml. Do not edit.\n"));
    assert!(a.contains("pub enum KnownReply"));
    assert!(
        a.contains("550u16 => Some(Self::MailboxUnavailable)") || a.contains("550 => Some(Self::MailboxUnavailable)")
    );
}
