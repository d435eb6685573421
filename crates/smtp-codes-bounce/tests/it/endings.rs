//! LF, CRLF and bare CR line endings give identical results: the corpus's own `dos/` and `mac/`
//! copies, and every sample converted here.

use smtp_codes_bounce::decode;

use crate::{data, sample};

/// Everything a decoded message says, as text.
fn summary(bytes: &[u8]) -> String {
    format!("{:?}", decode(bytes))
}

#[test]
fn corpus_copies_decode_alike() {
    for sub in ["dos", "mac"] {
        let mut n = 0;
        for entry in std::fs::read_dir(data().join(sub)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let lf = sample(&format!("bsd/{name}"));
            let other = sample(&format!("{sub}/{name}"));
            assert_ne!(lf, other, "{sub}/{name} is a real copy with other line endings");
            assert_eq!(summary(&lf), summary(&other), "{sub}/{name}");
            n += 1;
        }
        assert!(n >= 4, "{sub}: {n} copies");
    }
}

#[test]
fn converted_samples_decode_alike() {
    for entry in std::fs::read_dir(data().join("bsd")).unwrap() {
        let path = entry.unwrap().path();
        let lf = std::fs::read(&path).unwrap();
        let crlf: Vec<u8> = lf.iter().flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] }).collect();
        let cr: Vec<u8> = lf.iter().map(|&b| if b == b'\n' { b'\r' } else { b }).collect();
        let want = summary(&lf);
        assert_eq!(want, summary(&crlf), "{} as CRLF", path.display());
        assert_eq!(want, summary(&cr), "{} as CR", path.display());
    }
}
