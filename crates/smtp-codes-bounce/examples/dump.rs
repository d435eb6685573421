//! Prints what the decoder finds in the messages named on the command line (a debugging aid).

fn main() -> std::io::Result<()> {
    for path in std::env::args_os().skip(1) {
        let bytes = std::fs::read(&path)?;
        let d = smtp_codes_bounce::decode(&bytes);
        println!(
            "{}: {:?} by {:?} mta={:?} subject={:?} warnings={:?}",
            path.to_string_lossy(),
            d.kind(),
            d.decoded_by(),
            d.reporting_mta(),
            d.subject(),
            d.warnings()
        );
        println!("  original: {:?}", d.original());
        for r in d.recipients() {
            let c = r.classification();
            println!(
                "  {:?} action={:?} status={:?} reply={:?} type={:?} remote={:?} cmd={:?} -> {} ({}) warnings={:?}",
                r.recipient(),
                r.action(),
                r.status().map(|s| s.to_string()),
                r.reply_code().map(|s| s.to_string()),
                r.diagnostic_type(),
                r.remote_mta(),
                r.command(),
                c.reason().id(),
                c.rule().kind(),
                r.warnings()
            );
            println!("    diag: {:?}", r.diagnostic());
        }
    }
    Ok(())
}
