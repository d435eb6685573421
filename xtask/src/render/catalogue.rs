//! The catalogue file, `crates/smtp-codes/src/catalogue/generated.rs`: reply-code digits, reply
//! codes and their `ReplyCode` constants, enhanced-code classes, subjects and codes, and the
//! wording tables (severities, who acts, commands, messages).

use anyhow::Result;
use proc_macro2::TokenStream;
use quote::quote;

use super::{EnumSpec, command, doc_escape, ident, lookup, num, option, render_enum, rows, screaming_snake_case, who};
use crate::codes;
use crate::model::{Catalogue, Position, RegistryStatus, ReplyStatus};

pub(super) fn render(c: &Catalogue) -> Result<TokenStream> {
    let digits = [digits(c, Position::First), digits(c, Position::Second)];
    let replies = replies(c);
    let constants = reply_code_constants(c);
    let classes = classes(c);
    let subjects = subjects(c);
    let enhanced = enhanced(c)?;
    let vocabularies = vocabularies(c);
    let messages = messages(c);
    Ok(quote! {
        #![doc = " Catalogue data generated from `codes.toml`: the enums of reply codes, enhanced codes and"]
        #![doc = " wording, their lookups, and one row per entry. The accessors are hand-written in"]
        #![doc = " `catalogue.rs`, which reads the rows."]
        use super::{ClassRow, CommandRow, DigitRow, EnhancedRow, MessageRow, ReplyRow, SeverityRow, SubjectRow, WhoRow};
        use crate::{RegistryStatus, ReplyCode, ReplyStatus, Usage};
        #(#digits)*
        #replies
        #constants
        #classes
        #subjects
        #enhanced
        #vocabularies
        #messages
    })
}

fn reply_status(s: ReplyStatus) -> TokenStream {
    let v = ident(&format!("{s:?}"));
    quote!(ReplyStatus::#v)
}

fn registry_status(s: RegistryStatus) -> TokenStream {
    let v = ident(&format!("{s:?}"));
    quote!(RegistryStatus::#v)
}

fn digits(c: &Catalogue, position: Position) -> TokenStream {
    let digits: Vec<_> = c.digit.iter().filter(|d| d.position == position).collect();
    let (name, table, doc) = match position {
        Position::First => {
            ("FirstDigit", "FIRST_DIGITS", "The meaning of a reply code's first digit (RFC 5321 §4.2.1).")
        }
        Position::Second => {
            ("SecondDigit", "SECOND_DIGITS", "The meaning of a reply code's second digit (RFC 5321 §4.2.1).")
        }
    };
    let spec = EnumSpec {
        name,
        doc,
        all_doc: "Every entry, in catalogue order.",
        variants: digits
            .iter()
            .map(|d| (ident(&d.name), format!("`{}`: {} ({})", d.value, d.title, d.source)))
            .collect(),
        lookups: vec![lookup(
            "from_digit",
            "The entry for a digit, if the catalogue defines it.",
            true,
            quote!(digit: u8),
            quote!(digit),
            digits.iter().map(|d| {
                let v = num(d.value);
                (quote!(#v), ident(&d.name))
            }),
        )],
    };
    let rows_of = digits.iter().map(|d| {
        let (digit, name, title, description, source) = (num(d.value), &d.name, &d.title, &d.description, &d.source);
        quote!(DigitRow { digit: #digit, name: #name, title: #title, description: #description, source: #source })
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows(table, name, "DigitRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}

fn replies(c: &Catalogue) -> TokenStream {
    let spec = EnumSpec {
        name: "KnownReply",
        doc: "A reply code the catalogue knows, with its meaning. [`ReplyCode::known`](crate::ReplyCode::known) finds one.",
        all_doc: "Every entry, in catalogue order.",
        variants: c
            .reply
            .iter()
            .map(|r| (ident(&r.name), format!("`{}` {} ({})", r.code, r.title, r.source)))
            .collect(),
        lookups: vec![lookup(
            "from_code",
            "The entry for a reply code, if the catalogue has one.",
            true,
            quote!(code: u16),
            quote!(code),
            c.reply.iter().map(|r| {
                let v = num(r.code);
                (quote!(#v), ident(&r.name))
            }),
        )],
    };
    let rows_of = c.reply.iter().map(|r| {
        let code = ident(&screaming_snake_case(&r.name));
        let (name, title, description, action, source) = (&r.name, &r.title, &r.description, &r.action, &r.source);
        let status = reply_status(r.status);
        let commands = r.commands.iter().map(|k| command(c, k));
        let who_acts = who(c, &r.who_acts);
        let usages = r.usage.iter().map(|u| {
            let (e, k, t, m, s) = (&u.extension, &u.command, &u.text, &u.meaning, &u.source);
            quote!(Usage { extension: #e, command: #k, text: #t, meaning: #m, source: #s })
        });
        quote! {
            ReplyRow {
                code: ReplyCode::#code,
                name: #name,
                title: #title,
                status: #status,
                description: #description,
                commands: &[#(#commands),*],
                who_acts: #who_acts,
                action: #action,
                source: #source,
                usages: &[#(#usages),*],
            }
        }
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("REPLIES", "KnownReply", "ReplyRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}

/// One `ReplyCode` constant per catalogue reply code, named after the entry, and (for the core
/// crate's tests) the list of them with their names.
fn reply_code_constants(c: &Catalogue) -> TokenStream {
    let names: Vec<_> = c.reply.iter().map(|r| ident(&screaming_snake_case(&r.name))).collect();
    let constants = c.reply.iter().zip(&names).map(|(r, name)| {
        let doc = format!(" `{}` {} ({}).", r.code, doc_escape(&r.title), doc_escape(&r.source));
        let code = num(r.code);
        quote! {
            #[doc = #doc]
            pub const #name: ReplyCode = ReplyCode::from_catalogue(#code);
        }
    });
    let listed = names.iter().map(|name| {
        let text = name.to_string();
        quote!((#text, ReplyCode::#name))
    });
    quote! {
        /// The reply codes of the catalogue, by name.
        impl ReplyCode {
            #(#constants)*
        }

        /// Every constant of the catalogue's reply codes with its name, for the tests.
        #[cfg(test)]
        pub(crate) const REPLY_CODE_CONSTANTS: &[(&str, ReplyCode)] = &[#(#listed),*];
    }
}

fn classes(c: &Catalogue) -> TokenStream {
    let spec = EnumSpec {
        name: "StatusClass",
        doc: "The class of an enhanced status code (RFC 3463 §3.1), the registry's class sub-registry.",
        all_doc: "Every entry, in catalogue order.",
        variants: c
            .class
            .iter()
            .map(|k| (ident(&k.name), format!("`{}.XXX.YYY` {} ({})", k.class, k.title, k.source)))
            .collect(),
        lookups: vec![lookup(
            "from_class",
            "The entry for a class digit, if it is 2, 4 or 5.",
            true,
            quote!(class: u8),
            quote!(class),
            c.class.iter().map(|k| {
                let v = num(k.class);
                (quote!(#v), ident(&k.name))
            }),
        )],
    };
    let rows_of = c.class.iter().map(|k| {
        let (class, name, title, description, source) = (num(k.class), &k.name, &k.title, &k.description, &k.source);
        let who_acts = who(c, &k.who_acts);
        quote! {
            ClassRow { class: #class, name: #name, title: #title, description: #description, who_acts: #who_acts, source: #source }
        }
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("CLASSES", "StatusClass", "ClassRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}

fn subjects(c: &Catalogue) -> TokenStream {
    let spec = EnumSpec {
        name: "StatusSubject",
        doc: "The subject of an enhanced status code (RFC 3463 §3.2), the registry's subject sub-registry.",
        all_doc: "Every entry, in catalogue order.",
        variants: c
            .subject
            .iter()
            .map(|s| (ident(&s.name), format!("`X.{}.YYY` {} ({})", s.subject, s.title, s.source)))
            .collect(),
        lookups: vec![lookup(
            "from_subject",
            "The entry for a subject number, if the registry defines it.",
            true,
            quote!(subject: u8),
            quote!(subject),
            c.subject.iter().map(|s| {
                let v = num(s.subject);
                (quote!(#v), ident(&s.name))
            }),
        )],
    };
    let rows_of = c.subject.iter().map(|s| {
        let (subject, name, title, description, source) = (num(s.subject), &s.name, &s.title, &s.description, &s.source);
        let who_acts = who(c, &s.who_acts);
        quote! {
            SubjectRow { subject: #subject, name: #name, title: #title, description: #description, who_acts: #who_acts, source: #source }
        }
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("SUBJECTS", "StatusSubject", "SubjectRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}

fn enhanced(c: &Catalogue) -> Result<TokenStream> {
    let parts = c.enhanced.iter().map(|e| codes::enhanced_pattern(&e.code)).collect::<Result<Vec<_>>>()?;
    // `from_parts` is a `match` on the subject holding a `match` on the detail: two jump tables
    // instead of a chain of tuple comparisons.
    let mut subjects: Vec<u16> = parts.iter().map(|&(s, _)| s).collect();
    subjects.dedup();
    let arms = subjects.iter().map(|&subject| {
        let inner = c.enhanced.iter().zip(&parts).filter(|(_, (s, _))| *s == subject).map(|(e, &(_, d))| {
            let (v, d) = (ident(&e.name), num(d));
            quote!(#d => Some(Self::#v),)
        });
        let subject = num(subject);
        quote!(#subject => match detail { #(#inner)* _ => None, },)
    });
    let from_parts = quote! {
        /// The entry for `X.subject.detail`, if the registry has one.
        #[must_use]
        pub const fn from_parts(subject: u16, detail: u16) -> Option<Self> {
            match subject { #(#arms)* _ => None, }
        }
    };
    let spec = EnumSpec {
        name: "KnownEnhanced",
        doc: "An enumerated enhanced status code of the IANA registry, whatever its class. [`EnhancedCode::known`](crate::EnhancedCode::known) finds one.",
        all_doc: "Every entry, in catalogue order.",
        variants: c
            .enhanced
            .iter()
            .map(|e| (ident(&e.name), format!("`{}` {} ({})", e.code, e.title, e.rfcs.join(", "))))
            .collect(),
        lookups: vec![from_parts],
    };
    let rows_of = c.enhanced.iter().zip(&parts).map(|(e, &(subject, detail))| {
        let (subject, detail) = (num(subject), num(detail));
        let (name, title, description, action, source) = (&e.name, &e.title, &e.description, &e.action, &e.source);
        let classes = e.classes.iter().map(|&k| num(k));
        let reply_codes = e.reply_codes.iter().map(|&r| num(r));
        let note = option(e.reply_codes_note.as_ref(), |n| quote!(#n));
        let who_acts = who(c, &e.who_acts);
        let rfcs = &e.rfcs;
        let status = registry_status(e.status);
        quote! {
            EnhancedRow {
                subject: #subject,
                detail: #detail,
                name: #name,
                title: #title,
                description: #description,
                classes: &[#(#classes),*],
                reply_codes: &[#(ReplyCode::from_catalogue(#reply_codes)),*],
                reply_codes_note: #note,
                who_acts: #who_acts,
                action: #action,
                rfcs: &[#(#rfcs),*],
                status: #status,
                source: #source,
            }
        }
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("ENHANCED", "KnownEnhanced", "EnhancedRow", rows_of.collect());
    Ok(quote!(#enum_tokens #rows))
}

/// `Severity`, `WhoActs` and `Command`, from `[[severity]]`, `[[who]]` and `[[command]]`, in
/// catalogue order (which is also their `Ord`).
fn vocabularies(c: &Catalogue) -> TokenStream {
    let severity = EnumSpec {
        name: "Severity",
        doc: "How final an answer is.",
        all_doc: "Every value, in order.",
        variants: c.severity.iter().map(|s| (ident(&s.name), s.doc.clone())).collect(),
        lookups: Vec::new(),
    };
    let severity_rows = c.severity.iter().map(|s| {
        let (id, title, description, retry) = (&s.id, &s.title, &s.description, s.retry);
        quote!(SeverityRow { id: #id, title: #title, description: #description, retry: #retry })
    });
    let who = EnumSpec {
        name: "WhoActs",
        doc: "Who has to do something after a reply.",
        all_doc: "Every value, in order.",
        variants: c.who.iter().map(|w| (ident(&w.name), w.doc.clone())).collect(),
        lookups: Vec::new(),
    };
    let who_rows = c.who.iter().map(|w| {
        let (id, title, description) = (&w.id, &w.title, &w.description);
        quote!(WhoRow { id: #id, title: #title, description: #description })
    });
    let command = EnumSpec {
        name: "Command",
        doc: "An SMTP command, or a point of the session, that a reply can answer.",
        all_doc: "Every value, in order.",
        variants: c.command.iter().map(|k| (ident(&k.name), k.doc.clone())).collect(),
        lookups: Vec::new(),
    };
    let command_rows = c.command.iter().map(|k| {
        let (id, title, description) = (&k.id, &k.title, &k.description);
        quote!(CommandRow { id: #id, title: #title, description: #description })
    });
    let tokens = [
        render_enum(&severity),
        rows("SEVERITIES", "Severity", "SeverityRow", severity_rows.collect()),
        render_enum(&who),
        rows("WHO", "WhoActs", "WhoRow", who_rows.collect()),
        render_enum(&command),
        rows("COMMANDS", "Command", "CommandRow", command_rows.collect()),
    ];
    quote!(#(#tokens)*)
}

fn messages(c: &Catalogue) -> TokenStream {
    let spec = EnumSpec {
        name: "Message",
        doc: "A sentence the explainer prints, from the catalogue's `[[message]]` table.",
        all_doc: "Every entry, in catalogue order.",
        variants: c.message.iter().map(|m| (ident(&m.name), m.text.clone())).collect(),
        lookups: vec![lookup(
            "from_name",
            "The message with this name.",
            false,
            quote!(name: &str),
            quote!(name),
            c.message.iter().map(|m| {
                let n = &m.name;
                (quote!(#n), ident(&m.name))
            }),
        )],
    };
    let rows_of = c.message.iter().map(|m| {
        let (name, text, source) = (&m.name, &m.text, &m.source);
        quote!(MessageRow { name: #name, text: #text, source: #source })
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("MESSAGES", "Message", "MessageRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}
