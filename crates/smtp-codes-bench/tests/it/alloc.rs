//! A counting global allocator proves that parsing a reply does not allocate.
//!
//! The counter is per thread, so tests running in parallel do not disturb each other.

// A global allocator needs an `unsafe impl`; this test-only wrapper only forwards to the system
// allocator and counts.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use smtp_codes::parse::{diagnose, parse_reply, replies};
use smtp_codes_bench::SAMPLES;
use smtp_proto::response::parser::ResponseReceiver;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the contract.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        // SAFETY: the caller's guarantees are passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's guarantees are passed on unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        // SAFETY: the caller's guarantees are passed on unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn parsing_does_not_allocate() {
    let n = allocations(|| {
        for s in SAMPLES {
            let (reply, _) = parse_reply(s.wire.as_bytes()).unwrap();
            let total: usize = reply.lines().map(<[u8]>::len).sum();
            std::hint::black_box((reply.code(), reply.enhanced(), reply.warnings(), total));
            for r in replies(s.wire.as_bytes()) {
                std::hint::black_box(r.unwrap().code());
            }
            let d = diagnose(s.wire);
            std::hint::black_box((d.reply_code(), d.enhanced_code(), d.text(), d.segments().count()));
        }
    });
    assert_eq!(n, 0, "smtp-codes allocated {n} times");
}

#[test]
fn the_counter_sees_the_peers_allocate() {
    // The same loop with smtp-proto: it builds an owned String per reply. This shows the counter
    // works (a zero above is not a broken counter).
    let n = allocations(|| {
        for s in SAMPLES {
            let r = ResponseReceiver::default().parse(&mut s.wire.as_bytes().iter()).unwrap();
            std::hint::black_box(r);
        }
    });
    assert!(n >= SAMPLES.len(), "smtp-proto allocated {n} times");
    let n = allocations(|| {
        for s in SAMPLES {
            std::hint::black_box(s.wire.parse::<lettre::transport::smtp::response::Response>().unwrap());
        }
    });
    assert!(n >= SAMPLES.len(), "lettre allocated {n} times");
}
