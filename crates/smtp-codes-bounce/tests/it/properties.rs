//! Property tests: no panic on arbitrary bytes, on truncated and mutated corpus messages and
//! format samples, on deeply nested MIME; line endings never change a result.

use proptest::prelude::*;
use smtp_codes_bounce::decode;

fn samples() -> Vec<Vec<u8>> {
    let mut all = Vec::new();
    for sub in ["bsd", "not"] {
        for entry in std::fs::read_dir(crate::data().join(sub)).unwrap() {
            all.push(std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
    // One sample of every bounce format of the catalogue, so that every format reader is
    // truncated and mutated too.
    let formats = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats");
    for entry in std::fs::read_dir(formats).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "eml") {
            all.push(std::fs::read(path).unwrap());
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn header_like_noise(lines in proptest::collection::vec("[A-Za-z-]{1,12}: [ -~]{0,40}|[ \t][ -~]{0,20}|--[a-z]{0,3}|", 0..40)) {
        let _ = decode(lines.join("\n").as_bytes());
    }

    /// A body that looks like an ESP's JSON (the SES notification reader's input), garbled and
    /// with `!` anywhere: it decodes without a panic, and is never taken for an ESP's event.
    #[test]
    fn json_like_bodies(body in "\\{[\"a-zA-Z:,{}\\[\\] !\n0-9.@-]{0,400}") {
        let mail = format!("From: no-reply@sns.amazonaws.com\nSubject: AWS Notification Message\n\n{body}\n");
        let d = decode(mail.as_bytes());
        prop_assert_ne!(d.decoded_by().as_str(), "ses");
    }

    #[test]
    fn truncated_samples(which in any::<prop::sample::Index>(), at in any::<prop::sample::Index>()) {
        let all = samples();
        let m = which.get(&all);
        let _ = decode(&m[..at.index(m.len() + 1)]);
    }

    #[test]
    fn mutated_samples(which in any::<prop::sample::Index>(), edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)) {
        let all = samples();
        let mut m = which.get(&all).clone();
        for (at, byte) in edits {
            let i = at.index(m.len());
            m[i] = byte;
        }
        let _ = decode(&m);
    }

    #[test]
    fn line_endings_never_matter(which in any::<prop::sample::Index>()) {
        let all = samples();
        // Only LF line endings to start with (a sample may hold a stray CR, which is a line
        // ending of its own).
        let lf: Vec<u8> = which.get(&all).iter().copied().filter(|&b| b != b'\r').collect();
        let crlf: Vec<u8> = lf.iter().flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] }).collect();
        let cr: Vec<u8> = lf.iter().map(|&b| if b == b'\n' { b'\r' } else { b }).collect();
        let want = format!("{:?}", decode(&lf));
        prop_assert_eq!(&want, &format!("{:?}", decode(&crlf)));
        prop_assert_eq!(&want, &format!("{:?}", decode(&cr)));
    }

    #[test]
    fn nested_mime(kinds in proptest::collection::vec(0u8..4, 0..300)) {
        let mut m = String::from("From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered\n");
        for (i, k) in kinds.iter().enumerate() {
            match k {
                0 => m.push_str(&format!("Content-Type: multipart/report; report-type=delivery-status; boundary=\"b{i}\"\n\n--b{i}\n")),
                1 => m.push_str("Content-Type: message/rfc822\n\n"),
                2 => m.push_str("Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b.example\nStatus: 5.1.1\n\n"),
                _ => m.push_str("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nQ29udGVudC1UeXBlOiBtZXNzYWdlL3JmYzgyMgoK\n"),
            }
        }
        let _ = decode(m.as_bytes());
    }
}
