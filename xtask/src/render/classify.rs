//! The classifier's file, `crates/smtp-codes/src/classify/generated.rs`: bounce reasons,
//! providers, and the rule tables (provider replies, phrase rules, code rules). The core crate
//! compiles it only with its `classify` feature.

use anyhow::Result;
use proc_macro2::TokenStream;
use quote::quote;

use super::{EnumSpec, command, enhanced_code, ident, lookup, num, option, render_enum, rows, who};
use crate::codes::{self, RuleCode};
use crate::model::Catalogue;

pub(super) fn render(c: &Catalogue) -> Result<TokenStream> {
    let reasons = reasons(c);
    let providers = providers(c);
    let rules = rules(c)?;
    Ok(quote! {
        #![doc = " Classifier data generated from `codes.toml` and its provider files: bounce reasons,"]
        #![doc = " providers and the rule tables. The accessors are hand-written in `classify/rules.rs`."]
        use super::rules::{ProviderRow, ReasonRow};
        use super::{CodeRule, NoRetryPhrase, PhraseRule, ProviderReply, RuleCode, TermRule};
        use crate::{Command, EnhancedCode, EnhancedPattern, ReplyCode, WhoActs};
        #reasons
        #providers
        #rules
    })
}

/// `Reason::UserUnknown` for the `[[reason]]` id `userunknown`; validation has checked that it exists.
fn reason(c: &Catalogue, id: &str) -> TokenStream {
    let r = c.reason.iter().find(|r| r.id == id).expect("validation checks reasons");
    let v = ident(&r.name);
    quote!(Reason::#v)
}

fn reasons(c: &Catalogue) -> TokenStream {
    let spec = EnumSpec {
        name: "Reason",
        doc: "A bounce reason, named as the Sisimai project names them. The order is the priority order of phrase rules.",
        all_doc: "Every entry, in catalogue order.",
        variants: c.reason.iter().map(|r| (ident(&r.name), format!("`{}`: {}", r.id, r.title))).collect(),
        lookups: vec![lookup(
            "from_id",
            "The reason with this Sisimai name (`userunknown`).",
            false,
            quote!(id: &str),
            quote!(id),
            c.reason.iter().map(|r| {
                let id = &r.id;
                (quote!(#id), ident(&r.name))
            }),
        )],
    };
    let rows_of = c.reason.iter().map(|r| {
        let (id, name, title, description, hard_bounce, action, source) =
            (&r.id, &r.name, &r.title, &r.description, r.hard_bounce, &r.action, &r.source);
        let who_acts = who(c, &r.who_acts);
        quote! {
            ReasonRow {
                id: #id,
                name: #name,
                title: #title,
                description: #description,
                hard_bounce: #hard_bounce,
                who_acts: #who_acts,
                action: #action,
                source: #source,
            }
        }
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("REASONS", "Reason", "ReasonRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}

fn providers(c: &Catalogue) -> TokenStream {
    let spec = EnumSpec {
        name: "Provider",
        doc: "A mailbox provider whose own replies the catalogue knows.",
        all_doc: "Every entry, in catalogue order.",
        variants: c.provider.iter().map(|p| (ident(&p.name), format!("`{}`: {}", p.id, p.title))).collect(),
        lookups: vec![lookup(
            "from_id",
            "The provider with this short name (`gmail`).",
            false,
            quote!(id: &str),
            quote!(id),
            c.provider.iter().map(|p| {
                let id = &p.id;
                (quote!(#id), ident(&p.name))
            }),
        )],
    };
    let rows_of = c.provider.iter().map(|p| {
        let (id, name, title, markers, hosts, docs, source) =
            (&p.id, &p.name, &p.title, &p.markers, &p.hosts, &p.docs, &p.source);
        quote! {
            ProviderRow {
                id: #id,
                name: #name,
                title: #title,
                markers: &[#(#markers),*],
                hosts: &[#(#hosts),*],
                docs: #docs,
                source: #source,
            }
        }
    });
    let enum_tokens = render_enum(&spec);
    let rows = rows("PROVIDERS", "Provider", "ProviderRow", rows_of.collect());
    quote!(#enum_tokens #rows)
}

/// The rule tables: provider replies, phrases and code rules, as static slices.
fn rules(c: &Catalogue) -> Result<TokenStream> {
    let mut replies = Vec::new();
    for p in &c.provider {
        let provider = ident(&p.name);
        for r in p.reply.iter().map(|r| r.get_ref()) {
            let reply_code = option(r.reply_code, |n| {
                let n = num(n);
                quote!(ReplyCode::from_catalogue(#n))
            });
            let enhanced = match &r.enhanced {
                Some(e) => {
                    let e = enhanced_code(e)?;
                    quote!(Some(#e))
                }
                None => quote!(None),
            };
            let reason = reason(c, &r.reason);
            let who_acts = option(r.who_acts.as_deref(), |w| who(c, w));
            let (text, matches, distinctive, meaning, advice, retry, source) =
                (&r.text, &r.matches, r.distinctive, &r.meaning, &r.advice, r.retry, p.source_of(r));
            replies.push(quote! {
                ProviderReply {
                    provider: Provider::#provider,
                    reply_code: #reply_code,
                    enhanced: #enhanced,
                    text: #text,
                    matches: #matches,
                    distinctive: #distinctive,
                    meaning: #meaning,
                    advice: #advice,
                    retry: #retry,
                    reason: #reason,
                    who_acts: #who_acts,
                    source: #source,
                }
            });
        }
    }
    let mut phrases = Vec::new();
    for r in &c.reason {
        let reason = reason(c, &r.id);
        for p in r.phrase.iter().map(|p| p.get_ref()) {
            let command = option(p.command.as_ref(), |k| command(c, k));
            let who_acts = option(p.who_acts.as_deref(), |w| who(c, w));
            let reply_code = option(p.reply_code, |n| quote!(#n));
            let (phrase, none, source) = (&p.phrase, &p.none, &p.source);
            phrases.push(quote! {
                PhraseRule {
                    phrase: #phrase,
                    reason: #reason,
                    command: #command,
                    reply_code: #reply_code,
                    who_acts: #who_acts,
                    none: &[#(#none),*],
                    source: #source,
                }
            });
        }
    }
    let mut terms = Vec::new();
    for r in &c.reason {
        let reason = reason(c, &r.id);
        for t in r.terms.iter().map(|t| t.get_ref()) {
            let command = option(t.command.as_ref(), |k| command(c, k));
            let who_acts = option(t.who_acts.as_deref(), |w| who(c, w));
            let (all, none, source) = (&t.all, &t.none, &t.source);
            terms.push(quote! {
                TermRule {
                    all: &[#(#all),*],
                    none: &[#(#none),*],
                    reason: #reason,
                    command: #command,
                    who_acts: #who_acts,
                    source: #source,
                }
            });
        }
    }
    let mut code_rules = Vec::new();
    for r in &c.code_rule {
        let reason = reason(c, &r.reason);
        let code = match codes::rule_code(&r.code)? {
            RuleCode::Reply(n) => {
                let n = num(n);
                quote!(RuleCode::Reply(ReplyCode::from_catalogue(#n)))
            }
            RuleCode::Enhanced(k, s, d) => {
                let (k, s, d) = (num(k), num(s), num(d));
                quote!(RuleCode::Enhanced(EnhancedCode::from_catalogue(#k, #s, #d)))
            }
            RuleCode::Pattern(s, d) => {
                let (s, d) = (num(s), num(d));
                quote!(RuleCode::Pattern(EnhancedPattern::from_catalogue(#s, #d)))
            }
        };
        let source = &r.source;
        code_rules.push(quote!(CodeRule { code: #code, reason: #reason, source: #source }));
    }
    let no_retry = c.no_retry.iter().map(|r| {
        let (phrase, source) = (&r.phrase, &r.source);
        quote!(NoRetryPhrase { phrase: #phrase, source: #source })
    });
    Ok(quote! {
        /// Every phrase of the catalogue saying that retrying will not help, sorted by phrase.
        pub static NO_RETRY_PHRASES: &[NoRetryPhrase] = &[#(#no_retry),*];
        /// Every provider reply of the catalogue, by provider in `id` order.
        pub static PROVIDER_REPLIES: &[ProviderReply] = &[#(#replies),*];
        /// Every phrase rule of the catalogue: by reason in priority order, then by phrase and command.
        pub static PHRASE_RULES: &[PhraseRule] = &[#(#phrases),*];
        /// Every term rule of the catalogue: by reason in priority order, then as listed.
        pub static TERM_RULES: &[TermRule] = &[#(#terms),*];
        /// Every code rule of the catalogue, sorted by code as text.
        pub static CODE_RULES: &[CodeRule] = &[#(#code_rules),*];
    })
}
