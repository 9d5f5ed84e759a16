//! Guesses at the body that was signed, derived from the body received.
//! Each generator is a pure function of the received bytes that returns
//! `None` when it does not apply. Cheap byte-level guesses come first
//! ([`bytes`], [`charset`]); JSON re-serializations ([`json`]) are made from
//! one parse of the received body. This file holds what a guess is and the
//! ordered list of byte-level ones; no I/O anywhere below it.

mod bytes;
mod charset;
mod json;

use bytes::{
    add_bom, add_crlf, add_lf, base64_decode, crlf_to_lf, lf_to_crlf, strip_bom,
    strip_trailing_newline,
};
use charset::{latin1_to_utf8, undo_mojibake};
pub use json::{
    Json, form_description, form_indent, is_serde_layout, json_guesses, json_guesses_from,
    transcodes_to_itself, write_in_form,
};

use super::cause::Mutation;

/// A candidate original body and how it would have become the received one.
#[derive(Debug, Clone)]
pub struct Variant {
    pub mutation: Mutation,
    /// Short name for lists of what was tried: "with a trailing \\n".
    pub label: &'static str,
    /// What happened, as a clause: "a trailing newline was added after signing".
    pub detail: String,
    pub bytes: Vec<u8>,
}

type Generator = fn(&[u8]) -> Option<Vec<u8>>;

/// Byte-level guesses, cheapest and likeliest first.
const BYTE_GUESSES: &[(Mutation, &str, &str, Generator)] = &[
    (
        Mutation::TrailingNewline,
        "without the trailing newline",
        "a trailing newline was added after signing",
        strip_trailing_newline,
    ),
    (
        Mutation::TrailingNewline,
        "with a trailing \\n",
        "a trailing \\n was removed after signing",
        add_lf,
    ),
    (
        Mutation::TrailingNewline,
        "with a trailing \\r\\n",
        "a trailing \\r\\n was removed after signing",
        add_crlf,
    ),
    (
        Mutation::LineEndings,
        "CRLF as LF",
        "LF line endings were converted to CRLF after signing",
        crlf_to_lf,
    ),
    (
        Mutation::LineEndings,
        "LF as CRLF",
        "CRLF line endings were converted to LF after signing",
        lf_to_crlf,
    ),
    (
        Mutation::Bom,
        "without the BOM",
        "a UTF-8 byte-order mark was put in front of the body after signing",
        strip_bom,
    ),
    (
        Mutation::Bom,
        "with a BOM",
        "the UTF-8 byte-order mark that was signed was stripped",
        add_bom,
    ),
    (
        Mutation::Base64,
        "base64-decoded",
        "the body arrived base64-encoded (API Gateway's isBase64Encoded?)",
        base64_decode,
    ),
    (
        Mutation::Charset,
        "mojibake reversed",
        "UTF-8 text was decoded as Latin-1/Windows-1252 and re-encoded as UTF-8 (mojibake)",
        undo_mojibake,
    ),
    (
        Mutation::Charset,
        "Latin-1 as UTF-8",
        "UTF-8 text was converted to Latin-1/Windows-1252",
        latin1_to_utf8,
    ),
];

/// The byte-level guesses that apply to `received`.
pub fn byte_guesses(received: &[u8]) -> Vec<Variant> {
    byte_guesses_where(received, |_| true)
}

/// The byte-level guesses of the mutations `wanted` admits that apply to `received`.
pub fn byte_guesses_where(received: &[u8], wanted: impl Fn(Mutation) -> bool) -> Vec<Variant> {
    BYTE_GUESSES
        .iter()
        .filter(|guess| wanted(guess.0))
        .filter_map(|(mutation, label, detail, generate)| {
            generate(received).map(|bytes| Variant {
                mutation: *mutation,
                label,
                detail: detail.to_string(),
                bytes,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_guesses_undo_what_they_name() {
        assert_eq!(strip_trailing_newline(b"{}\r\n").unwrap(), b"{}");
        assert_eq!(add_lf(b"{}").unwrap(), b"{}\n");
        assert_eq!(add_lf(b"{}\n"), None);
        assert_eq!(crlf_to_lf(b"a\r\nb\r\n").unwrap(), b"a\nb\n");
        assert_eq!(lf_to_crlf(b"a\nb\r\n").unwrap(), b"a\r\nb\r\n");
        assert_eq!(crlf_to_lf(b"a\nb"), None);
        assert_eq!(strip_bom(b"\xef\xbb\xbf{}").unwrap(), b"{}");
        assert_eq!(base64_decode(b"eyJhIjoxfQ==\n").unwrap(), br#"{"a":1}"#);
        assert_eq!(base64_decode(br#"{"a":1}"#), None);
        assert_eq!(
            undo_mojibake("cafÃ© â€™".as_bytes()).unwrap(),
            "café ’".as_bytes()
        );
        assert_eq!(
            undo_mojibake("café".as_bytes()),
            None,
            "é alone is not UTF-8 mojibake"
        );
        assert_eq!(
            latin1_to_utf8(b"caf\xe9 \x92").unwrap(),
            "café ’".as_bytes()
        );
    }
}
