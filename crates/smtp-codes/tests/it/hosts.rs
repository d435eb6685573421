//! Providers by host name: `Classifier::provider_of_host` against a plain reading of the
//! catalogue (every provider's suffixes, tried in order), over the catalogue's own suffixes
//! with labels before them, other cases, a trailing dot, and near misses.

use smtp_codes::classify::{Provider, shared};

/// The first provider with a suffix `host` ends in, label for label, case aside.
fn plain(host: &str) -> Option<Provider> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    Provider::ALL.iter().copied().find(|p| p.hosts().iter().any(|s| host == *s || host.ends_with(&format!(".{s}"))))
}

#[test]
fn providers_of_hosts_agree_with_the_catalogue() {
    let mut hosts = vec![String::new(), ".".into(), "com".into(), "example.org".into(), "mx.example.com.".into()];
    for p in Provider::ALL {
        for s in p.hosts() {
            hosts.push((*s).to_owned());
            hosts.push(format!("mx1.{s}"));
            hosts.push(format!("A.B.{}.", s.to_ascii_uppercase()));
            hosts.push(format!("not{s}"));
            hosts.push(format!("{s}.example.net"));
            hosts.push(s[1..].to_owned());
        }
    }
    let classifier = shared();
    let mut named = 0;
    for host in &hosts {
        let got = classifier.provider_of_host(host);
        assert_eq!(got, plain(host), "{host:?}");
        named += usize::from(got.is_some());
    }
    assert!(named > hosts.len() / 3, "the set names providers ({named} of {})", hosts.len());
    // Both Microsoft services own `olc.protection.outlook.com`: the first in the catalogue's order wins.
    assert_eq!(classifier.provider_of_host("x.olc.protection.outlook.com"), plain("x.olc.protection.outlook.com"));
    assert_eq!(classifier.provider_of_host("gmail-smtp-in.l.google.com").map(|p| p.id()), Some("gmail"));
}
