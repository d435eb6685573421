//! Runs one parser over the shared reply set many times, for counting instructions with
//! `valgrind --tool=callgrind`, which is repeatable where wall-clock times on a shared machine
//! are not: `cargo run --release -p smtp-codes-bench --example instructions -- PARSER ROUNDS`,
//! PARSER one of `none`, `smtp-codes`, `smtp-codes+warnings`, `smtp-proto`, `lettre`; an optional third argument keeps
//! only the samples whose name contains it. The README has the figures.

use std::hint::black_box;

use smtp_codes::parse::parse_reply;
use smtp_codes_bench::SAMPLES;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(parser), Some(rounds)) = (args.first(), args.get(1).and_then(|r| r.parse::<usize>().ok())) else {
        eprintln!("usage: instructions none|smtp-codes|smtp-codes+warnings|smtp-proto|lettre ROUNDS [FILTER]");
        std::process::exit(2);
    };
    let only = args.get(2).map_or("", String::as_str);
    let samples: Vec<_> = SAMPLES.iter().filter(|s| s.name.contains(only)).collect();
    let mut total = 0usize;
    for _ in 0..rounds {
        for sample in &samples {
            let wire = black_box(sample.wire);
            total += match parser.as_str() {
                "none" => wire.len(),
                "smtp-codes" => {
                    let (reply, _) = parse_reply(wire.as_bytes()).expect("a complete reply");
                    black_box((reply.code(), reply.enhanced()));
                    reply.lines().map(<[u8]>::len).sum()
                }
                "smtp-codes+warnings" => {
                    let (reply, _) = parse_reply(wire.as_bytes()).expect("a complete reply");
                    black_box((reply.code(), reply.enhanced(), reply.warnings().is_empty()));
                    reply.lines().map(<[u8]>::len).sum()
                }
                "smtp-proto" => {
                    let mut bytes = wire.as_bytes().iter();
                    let response = smtp_proto::response::parser::ResponseReceiver::default()
                        .parse(&mut bytes)
                        .expect("a complete reply");
                    black_box((response.code, response.esc));
                    response.message.len()
                }
                "lettre" => {
                    let response =
                        wire.parse::<lettre::transport::smtp::response::Response>().expect("a complete reply");
                    black_box(response.code());
                    response.message().map(str::len).sum()
                }
                other => {
                    eprintln!("unknown parser {other:?}");
                    std::process::exit(2);
                }
            };
        }
    }
    println!("{total}");
}
