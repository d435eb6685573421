//! No line, however mangled, panics the scanner, and every outcome comes from a line read.

use proptest::prelude::*;
use smtp_codes_logs::Scanner;

const SAMPLES: &[&str] = &[
    "Jan  1 00:01:25 mx postfix/smtp[1006]: 859FA15E1A: to=<user@example.org>, relay=x[192.0.2.27]:25, delay=25, dsn=4.2.1, status=deferred (host x said: 450 4.2.1 later (in reply to RCPT TO command))",
    "Jan  1 05:00:00 mx postfix/smtpd[1009]: NOQUEUE: reject: RCPT from x[192.0.2.99]: 550 5.1.1 <y@z>: Recipient address rejected: User unknown; from=<> to=<y@z> proto=ESMTP helo=<z>",
    "2016-09-07 22:34:02 1bhOsF-0004e2-VJ ** ace400@pb.example R=dnslookup T=remote_smtp: SMTP error from remote mailer after RCPT TO:<ace400@pb.example>: host h [192.168.63.111]: 553 5.3.0 unknown",
    "Dec  5 01:43:04 foobox-out sendmail[11078]: qBE3l7js123022: to=<bob@example.org>, delay=00:00:02, mailer=esmtp, relay=mx. [192.0.2.4], dsn=5.1.1, stat=User unknown",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_lines_never_panic(lines in prop::collection::vec(".{0,300}", 0..20)) {
        let mut scanner = Scanner::default();
        let mut out = Vec::new();
        for line in &lines {
            scanner.push(line, &mut out);
        }
        scanner.finish(&mut out);
        prop_assert!(out.len() <= lines.len());
    }

    #[test]
    fn cut_and_mangled_samples_never_panic(which in 0..SAMPLES.len(), cut in 0usize..400, at in 0usize..400, c in any::<char>()) {
        let mut line: String = SAMPLES[which].chars().take(cut).collect();
        let at = line.char_indices().map(|(i, _)| i).nth(at).unwrap_or(line.len());
        line.insert(at, c);
        let mut scanner = Scanner::default();
        let mut out = Vec::new();
        scanner.push(&line, &mut out);
        scanner.finish(&mut out);
        // Sendmail's `to=` may list several recipients; the others name one.
        prop_assert!(out.len() <= 1 || which == 3);
    }
}
