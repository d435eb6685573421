//! Renders `[[format]]` as `crates/smtp-codes/src/formats/generated.rs`: the table of bounce
//! formats that the bounce decoder's plain-text reader recognises.

use anyhow::Result;
use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Catalogue;

pub(crate) fn render(c: &Catalogue) -> Result<TokenStream> {
    let rows = c.format.iter().map(|f| {
        let (id, title, source) = (&f.id, &f.title, &f.source);
        let (markers, start, end, after) = (&f.markers, &f.start, &f.end, &f.recipient_after);
        let headers = &f.headers;
        let domain = match &f.recipient_domain {
            Some(d) => quote! { Some(#d) },
            None => quote! { None },
        };
        quote! {
            Format {
                id: #id,
                title: #title,
                markers: &[#(#markers),*],
                headers: &[#(#headers),*],
                start: &[#(#start),*],
                end: &[#(#end),*],
                recipient_after: &[#(#after),*],
                recipient_domain: #domain,
                source: #source,
            }
        }
    });
    Ok(quote! {
        #![doc = " The bounce formats generated from `codes/formats.toml`; the accessors are hand-written in `formats.rs`."]
        use super::Format;

        /// Every bounce format of the catalogue, in catalogue order.
        pub static FORMATS: &[Format] = &[#(#rows),*];
    })
}
