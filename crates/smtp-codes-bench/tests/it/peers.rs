//! Peer agreement: on the same replies, smtp-codes agrees with smtp-proto 0.2.5 and lettre
//! 0.11.23 where they are right, and these tests pin down where they are not.

use lettre::transport::smtp::response::Response as LettreResponse;
use smtp_codes::EnhancedCode;
use smtp_codes::parse::{Warning, parse_reply};
use smtp_codes_bench::SAMPLES;
use smtp_proto::response::parser::ResponseReceiver;

fn proto(wire: &str) -> Result<smtp_proto::Response<String>, smtp_proto::Error> {
    ResponseReceiver::default().parse(&mut wire.as_bytes().iter())
}

fn lettre(wire: &str) -> Result<LettreResponse, lettre::transport::smtp::Error> {
    wire.parse::<LettreResponse>()
}

fn ours(wire: &str) -> (u16, Option<EnhancedCode>, Vec<String>) {
    let (reply, rest) = parse_reply(wire.as_bytes()).unwrap();
    assert!(rest.is_empty());
    let lines = reply.lines().map(|l| String::from_utf8(l.to_vec()).unwrap()).collect();
    (reply.code().as_u16(), reply.enhanced(), lines)
}

fn esc(code: Option<EnhancedCode>) -> [u8; 3] {
    code.map_or([0; 3], |c| [c.class(), c.subject() as u8, c.detail() as u8])
}

#[test]
fn the_sample_set_reads_as_documented() {
    for s in SAMPLES {
        let (code, enhanced, lines) = ours(s.wire);
        assert_eq!(code, s.code, "{}", s.name);
        assert_eq!(enhanced.map(|e| e.to_string()).as_deref(), s.enhanced, "{}", s.name);
        assert_eq!(lines, s.lines, "{}", s.name);
    }
}

#[test]
fn smtp_proto_agrees_on_code_enhanced_code_and_text() {
    for s in SAMPLES {
        let (code, enhanced, lines) = ours(s.wire);
        let peer = proto(s.wire).unwrap();
        assert_eq!(peer.code, code, "{}", s.name);
        let joined = lines.join("\n");
        match s.name {
            // smtp-proto keeps three-digit details in a u8 and saturates: 5.7.515 becomes 5.7.255.
            "single/microsoft-5.7.515" => {
                assert_eq!(peer.esc, [5, 7, 255]);
                assert_eq!(peer.message, joined);
            }
            // smtp-proto strips only one blank after the enhanced code (`5.7.25  https://`).
            "multi/gmail-ptr" => {
                assert_eq!(peer.esc, esc(enhanced));
                assert_eq!(peer.message.replace("\n https", "\nhttps"), joined);
            }
            _ => {
                assert_eq!(peer.esc, esc(enhanced), "{}", s.name);
                assert_eq!(peer.message, joined, "{}", s.name);
            }
        }
    }
}

#[test]
fn lettre_agrees_on_code_and_text_but_reads_no_enhanced_code() {
    for s in SAMPLES {
        let (code, enhanced, lines) = ours(s.wire);
        let peer = lettre(s.wire).unwrap();
        assert_eq!(u16::from(peer.code()), code, "{}", s.name);
        // lettre leaves the enhanced code in every line's text.
        let prefix = enhanced.map(|e| format!("{e} ")).unwrap_or_default();
        let peer_lines: Vec<&str> =
            peer.message().map(|l| l.strip_prefix(prefix.as_str()).unwrap_or(l).trim_start()).collect();
        assert_eq!(peer_lines, lines, "{}", s.name);
        if let Some(e) = enhanced {
            assert!(peer.message().all(|l| l.starts_with(&e.to_string())), "{}", s.name);
        }
    }
}

#[test]
fn where_the_peers_are_wrong() {
    // A code with no text (RFC 5321 allows `250` CRLF): lettre fails; smtp-proto keeps a stray
    // CR as the text of `250 ` CRLF.
    assert_eq!(ours("250\r\n"), (250, None, vec![String::new()]));
    assert!(lettre("250\r\n").is_err());
    assert_eq!(proto("250 \r\n").unwrap().message, "\r");
    assert_eq!(ours("250 \r\n").2, [""]);

    // Bare LF, which real servers send: lettre cannot read it.
    assert_eq!(ours("250 ok\n").2, ["ok"]);
    assert!(lettre("250 ok\n").is_err());
    assert_eq!(proto("250 ok\n").unwrap().message, "ok");

    // A reply code outside RFC 5321 (571, seen in Exim logs): lettre rejects the reply;
    // smtp-codes reads it and warns.
    assert!(lettre("571 No PTR\r\n").is_err());
    let (reply, _) = parse_reply(b"571 No PTR\r\n").unwrap();
    assert!(reply.warnings().contains(Warning::NonStandardReplyCode(reply.code())));

    // The code changes between lines: lettre fails, smtp-proto silently keeps the first code,
    // smtp-codes keeps the first code and says so.
    assert!(lettre("550-a\r\n551 b\r\n").is_err());
    assert_eq!(proto("550-a\r\n551 b\r\n").unwrap().code, 550);
    let (reply, _) = parse_reply(b"550-a\r\n551 b\r\n").unwrap();
    assert_eq!(reply.code(), 550);
    assert_eq!(reply.warnings().len(), 1);

    // 3yz replies carry no enhanced code (RFC 2034 §3): smtp-proto strips one anyway.
    assert_eq!(proto("354 2.0.0 go\r\n").unwrap().esc, [2, 0, 0]);
    assert_eq!(ours("354 2.0.0 go\r\n"), (354, None, vec!["2.0.0 go".to_owned()]));

    // Classes that disagree (Google's 421 5.7.32): both peers accept silently.
    assert_eq!(proto("421 5.7.32 x\r\n").unwrap().esc, [5, 7, 32]);
    let (reply, _) = parse_reply(b"421 5.7.32 x\r\n").unwrap();
    assert!(matches!(reply.warnings().iter().next(), Some(Warning::ClassMismatch { .. })));
}
