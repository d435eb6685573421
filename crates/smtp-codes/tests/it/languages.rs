//! The catalogue's error texts in other languages than English: real lines from the sources the
//! rules cite, each classified to its reason by a phrase rule or by the term rule of its family;
//! and the case folding that lets a phrase written in lowercase match a capital the automaton's
//! ASCII folding does not know.

use smtp_codes::classify::{Context, classify};

/// The reason and the kind of rule that decided `text`.
fn decided(text: &str) -> (&'static str, &'static str) {
    let c = classify(text, &Context::default());
    (c.reason().id(), c.rule().kind())
}

fn assert_phrase(cases: &[(&str, &str)]) {
    for &(text, want) in cases {
        assert_eq!(decided(text), (want, "phrase"), "{text}");
    }
}

#[test]
fn german() {
    assert_phrase(&[
        // Microsoft 365's non-delivery report (corona-warn-app/cwa-quicktest-onboarding#47).
        (
            "Das Postfach des Empfängers ist voll und kann zurzeit keine Nachrichten annehmen. Versuchen Sie zu einem späteren Zeitpunkt noch mal, Ihre Nachricht zu senden, oder wenden Sie sich direkt an den Empfänger.",
            "mailboxfull",
        ),
        // Gmail's delivery status notification (deltachat-core-rust test-data/message/gmail_ndn.eml),
        // its heading and its sentence, each without the English reply below them.
        ("** Die Adresse wurde nicht gefunden **", "userunknown"),
        (
            "Ihre Nachricht wurde nicht an assidhfaaspocwaeofi@gmail.com zugestellt, weil die Adresse nicht gefunden wurde oder keine E-Mails empfangen kann.",
            "userunknown",
        ),
        // Web.de (sitepackage.de's list of typical replies), an existing rule.
        ("550 Benutzer nicht bekannt/User unknown", "userunknown"),
    ]);
}

#[test]
fn french() {
    assert_phrase(&[
        // Microsoft 365's non-delivery report (ForumPostAssistant/FPA#136).
        (
            "La boîte aux lettres du destinataire est pleine et ne peut pas accepter de messages pour l’instant. Essayez de renvoyer votre message ultérieurement ou contactez directement le destinataire.",
            "mailboxfull",
        ),
        // Orange and La Poste, as Sisimai's FrancePTT table quotes them, without their OFR/LPN
        // codes (which the Orange provider rows read when they are there).
        ("550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam.", "blocked"),
        ("550 5.5.0 Les emails envoyes vers la messagerie Laposte.net ont ete bloques par nos services.", "blocked"),
        ("550 5.5.0 Le compte du destinataire est bloque. The recipient account isblocked.", "suspend"),
        ("Message refuse, verification DMARC en echec", "authfailure"),
        ("421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration.", "toomanyconn"),
    ]);
}

#[test]
fn italian_and_spanish() {
    // Sisimai's Reason/UserUnknown.pm lists, existing rules.
    assert_phrase(&[
        ("550 nessun utente simile in questo indirizzo", "userunknown"),
        ("550 no existe dicha persona", "userunknown"),
    ]);
}

#[test]
fn japanese() {
    assert_phrase(&[
        // Outlook's non-delivery report (pasofaq.jp), an address the server calls invalid.
        (
            "このメールは、受信者全員または一部に届きませんでした。 以下の受信者にメールを配信できません 無効な受信者",
            "userunknown",
        ),
        // Domino's user-unknown text (sample:sisimai/bsd/lhost-domino-02.eml), an existing rule.
        ("ユーザー Neko (kijitora@example.co.jp) は Domino ディレクトリには見つかりません。", "userunknown"),
    ]);
}

#[test]
fn korean() {
    // Naver's and Daum's replies to a message over their size limit (foxydog.tistory.com/69),
    // here without their English part, which the English rules would also read.
    assert_phrase(&[
        ("보내신 메일의 크기가 커서, 받는 서버에서 수신을 차단하였습니다.", "mesgtoobig"),
        ("발송하신 편지의 크기가 너무커서 받는이가 속한 메일서버에서 수신을 거부하였습니다.", "mesgtoobig"),
    ]);
}

#[test]
fn chinese() {
    // Google Groups' refusal in traditional Chinese (sample:sisimai/bsd/lhost-googlegroups-13.eml).
    assert_phrase(&[(
        "我們謹此通知，您試圖聯絡的「libsisimai」群組可能不存在，或者您沒有在此群組張貼留言的權限。",
        "rejected",
    )]);
}

#[test]
fn capitals_beyond_ascii_are_folded() {
    // The same sentences with the capitals a heading or a shouting server would write: the
    // phrases are lowercase, and Ä, Î, Δ are not ASCII.
    assert_phrase(&[
        ("DAS POSTFACH DES EMPFÄNGERS IST VOLL", "mailboxfull"),
        ("LA BOÎTE AUX LETTRES DU DESTINATAIRE EST PLEINE", "mailboxfull"),
        ("Δικαίωμα ανάρτησης μηνυμάτων στην ομάδα", "rejected"),
    ]);
    // A phrase longer than the automaton's key is compared in full, folded too.
    assert_eq!(
        decided("WEIL DIE ADRESSE NICHT GEFUNDEN WURDE ODER KEINE E-MAILS EMPFANGEN KANN"),
        ("userunknown", "phrase")
    );
    // Folding never makes a different letter match: a missing letter still misses.
    assert_ne!(decided("Das Postfach des Empfangers ist voll").1, "phrase");
}

/// Bounce texts in other languages as their sources write them (each rule's `source` names
/// where): grommunio's bounce templates in Chinese and Japanese, QQ Mail's words, a bounce
/// handler's lists for Polish, Italian, Spanish, French and German servers, Web.de's German, a
/// provider's table of German bounce texts. Each is decided by its family of words.
#[test]
fn texts_in_other_languages_are_decided_by_their_families() {
    let cases = [
        ("投递失败，收件人不存在", "userunknown"),
        ("因为该收件人并不存在！请验证该邮件地址是否真实有效。", "userunknown"),
        ("投递失败，收件人邮箱已满", "mailboxfull"),
        ("投遞失敗，收件人郵箱已滿", "mailboxfull"),
        ("550 收件人空间不足", "mailboxfull"),
        ("550 该用户不存在", "userunknown"),
        ("550 该用户未开通QQ邮箱", "userunknown"),
        ("受信者が存在していないため、メール送信失敗", "userunknown"),
        ("受信者のメールボックスが一杯になるため、メール送信失敗", "mailboxfull"),
        ("550 Nie ma takiego konta", "userunknown"),
        ("550 Podane konto jest zablokowane administracyjnie lub nieaktywne", "suspend"),
        ("554 Wiadomosc zostala odrzucona przez system antyspamowy", "spamdetected"),
        ("550 Indirizzo inesistente", "userunknown"),
        ("550 destin. Sconosciuto", "userunknown"),
        ("550 Destinatario errato", "userunknown"),
        ("550 Questo indirizzo e' bloccato per inutilizzo", "suspend"),
        ("550 El usuario esta en estado: inactivo", "suspend"),
        ("550 Destinatario desconocido o mailbox lleno", "userunknown"),
        ("550 Benutzer unbekannt", "userunknown"),
        ("550 Empfänger unbekannt / Adresse existiert nicht", "userunknown"),
        ("552 Postfach voll / Speicherplatz überschritten", "mailboxfull"),
    ];
    for (text, want) in cases {
        let c = classify(text, &Context::default());
        assert_eq!(c.reason().id(), want, "{text}: {:?}", c.rule());
    }
    // Two causes named at once: the recipient unknown or the mailbox disabled; either is right.
    for text in [
        "550 Adressat unbekannt oder Mailbox deaktiviert",
        "550 Destinataire inconnu ou boite aux lettres desactivee",
        "550 Postfach existiert nicht mehr oder ist deaktiviert",
    ] {
        let c = classify(text, &Context::default());
        assert!(["userunknown", "suspend"].contains(&c.reason().id()), "{text}: {:?}", c.reason());
    }
    // The sender's own address unknown is no bounce of the recipient.
    assert_ne!(classify("550 Absender unbekannt", &Context::default()).reason().id(), "userunknown");
}
