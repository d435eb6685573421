//! No line, however mangled, panics the scanner, and every outcome comes from a line read.

use proptest::prelude::*;
use smtp_codes_logs::Scanner;

const SAMPLES: &[&str] = &[
    "Jan  1 00:01:25 mx postfix/smtp[1006]: 859FA15E1A: to=<user@example.org>, relay=x[192.0.2.27]:25, delay=25, dsn=4.2.1, status=deferred (host x said: 450 4.2.1 later (in reply to RCPT TO command))",
    "Jan  1 05:00:00 mx postfix/smtpd[1009]: NOQUEUE: reject: RCPT from x[192.0.2.99]: 550 5.1.1 <y@z>: Recipient address rejected: User unknown; from=<> to=<y@z> proto=ESMTP helo=<z>",
    "2016-09-07 22:34:02 1bhOsF-0004e2-VJ ** ace400@pb.example R=dnslookup T=remote_smtp: SMTP error from remote mailer after RCPT TO:<ace400@pb.example>: host h [192.168.63.111]: 553 5.3.0 unknown",
    "Dec  5 01:43:04 foobox-out sendmail[11078]: qBE3l7js123022: to=<bob@example.org>, delay=00:00:02, mailer=esmtp, relay=mx. [192.0.2.4], dsn=5.1.1, stat=User unknown",
    r#"Jul  6 06:12:11 ams-1 smtpd[75295]: 4b3a6c195c1f6011 mta delivery evpid=c405e39a1111aaaa from=<g@poolp.org> to=<u@tin.example> rcpt=<-> source="45.76.46.201" relay="62.211.72.32 (smtp.tin.example)" delay=10m1s result="PermFail" stat="550 5.1.1 <u@tin.example>: User unknown""#,
    r#"{"type":"Bounce","id":"2e09187bcccd22fe051361fc078a04ce","sender":"n@sender.example.com","recipient":"nobody@gmail.com","size":20480,"response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"No such user \"x\"","command":"RCPT TO"},"peer_address":{"name":"gmail-smtp-in.l.google.com.","addr":"142.251.2.27"},"timestamp":1678070003}"#,
];

/// CSV logs: a header, then a row to cut and mangle. Each row names at most two recipients.
const TABLES: &[(&str, &str)] = &[
    (
        "#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data",
        r#"2024-01-25T15:21:00.000Z,192.168.0.1,exchange,198.51.100.25,mx.example.net,";250 2.0.0OK, ""queued""",,SMTP,DEFER,29519319995500,<r@app.example.com>,9d8e,a@example.net;b@example.net,"451 4.7.500 Server busy;451 4.7.500 Server busy",2048,2,,,"Report, ""final""",reports@example.com,reports@example.com,,Originating,,,,"#,
    ),
    (
        "origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,message_id,network_message_id,original_client_ip,directionality,connector_id",
        r#""2024-05-01T10:00:00.1234567Z","alerts@contoso.com","user@contoso.com##Receive, Fail;partner@fabrikam.com##Receive, Send","Figures, ""draft""","40960","<d9@x.example>","1341ac7b","192.0.2.10","2","""#,
    ),
    (
        r#""Organization","MessageId","Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageTraceId","StartDate","EndDate","Index""#,
        r#""contoso.onmicrosoft.com","<a1@contoso.com>","5/1/2024 10:00:03 AM","alerts@contoso.com","partner@fabrikam.com","Figures","Delivered","198.51.100.25","","40960","8b4e4a6f","4/30/2024 12:00:00 AM","5/2/2024 12:00:00 AM","0""#,
    ),
];

/// `text`'s first `cut` characters with `c` put in before the `at`th of them (or at the end).
fn mangled(text: &str, cut: usize, at: usize, c: char) -> String {
    let mut line: String = text.chars().take(cut).collect();
    let at = line.char_indices().map(|(i, _)| i).nth(at).unwrap_or(line.len());
    line.insert(at, c);
    line
}

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
        let line = mangled(SAMPLES[which], cut, at, c);
        let mut scanner = Scanner::default();
        let mut out = Vec::new();
        scanner.push(&line, &mut out);
        scanner.finish(&mut out);
        // Sendmail's `to=` may list several recipients; the others name one.
        prop_assert!(out.len() <= 1 || which == 3);
    }

    #[test]
    fn cut_and_mangled_csv_rows_never_panic(which in 0..TABLES.len(), cut in 0usize..700, at in 0usize..700, c in prop::sample::select(vec!['"', ',', ';', '#', '\u{feff}', 'x', '\u{e9}', ' '])) {
        let (header, row) = TABLES[which];
        let line = mangled(row, cut, at, c);
        let mut scanner = Scanner::default();
        let mut out = Vec::new();
        scanner.push(header, &mut out);
        scanner.push(&line, &mut out);
        scanner.push(&line, &mut out);
        scanner.finish(&mut out);
        prop_assert!(out.len() <= 4);
    }

    #[test]
    fn cut_and_mangled_json_records_never_panic(cut in 0usize..500, at in 0usize..500, c in prop::sample::select(vec!['"', '{', '}', ',', ':', '\\', '0', 'x'])) {
        let line = mangled(SAMPLES[5], cut, at, c);
        let mut scanner = Scanner::default();
        let mut out = Vec::new();
        scanner.push(&line, &mut out);
        scanner.finish(&mut out);
        prop_assert!(out.len() <= 1);
    }

    #[test]
    fn arbitrary_rows_after_a_header_never_panic(which in 0..TABLES.len(), lines in prop::collection::vec("[a-z0-9@.,;#\"\\- ]{0,200}", 0..10)) {
        let mut scanner = Scanner::default();
        let mut out = Vec::new();
        scanner.push(TABLES[which].0, &mut out);
        for line in &lines {
            scanner.push(line, &mut out);
        }
        scanner.finish(&mut out);
        prop_assert!(out.len() <= 2 * lines.len());
    }
}
