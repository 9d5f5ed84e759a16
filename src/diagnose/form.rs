//! Guesses at a form-encoded body (`application/x-www-form-urlencoded`)
//! before a framework parsed it and wrote it out again: the same parameters
//! in another encoding or order. Schemes that sign the raw body (GitHub's
//! `payload=` deliveries, Slack's slash commands) fail on any of these;
//! Twilio's signs the decoded, sorted parameters and does not.

use super::cause::Mutation;
use super::variants::Variant;
use std::borrow::Cow;

/// Whether `body` reads as form parameters: `name=value` pairs with only
/// the characters form encoding leaves in place.
pub fn is_form(body: &[u8]) -> bool {
    !body.is_empty()
        && body.contains(&b'=')
        && body
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"%+=&-._*~!'()/:;,@$".contains(&b))
}

fn pairs(body: &[u8]) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    form_urlencoded::parse(body).collect()
}

fn encode<'a>(pairs: impl Iterator<Item = &'a (Cow<'a, str>, Cow<'a, str>)>) -> Vec<u8> {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        out.append_pair(k, v);
    }
    out.finish().into_bytes()
}

/// The re-encodings worth trying, likeliest first, none equal to `body`.
pub fn guesses(body: &[u8]) -> Vec<Variant> {
    if !is_form(body) {
        return Vec::new();
    }
    let params = pairs(body);
    let plus = encode(params.iter());
    let mut sorted_params = params.clone();
    sorted_params.sort();
    let sorted = encode(sorted_params.iter());
    let percent_spaces = |bytes: &[u8]| -> Vec<u8> {
        let text = String::from_utf8_lossy(bytes);
        text.replace('+', "%20").into_bytes()
    };
    let candidates: [(&'static str, &str, Vec<u8>); 4] = [
        (
            "form re-encoded",
            "the form parameters were decoded and encoded again (spaces as +, other escapes)",
            plus.clone(),
        ),
        (
            "form re-encoded with %20",
            "the form parameters were decoded and encoded again, spaces as %20",
            percent_spaces(&plus),
        ),
        (
            "form parameters sorted",
            "the form parameters were put in another order and encoded again",
            sorted.clone(),
        ),
        (
            "form parameters sorted, %20",
            "the form parameters were put in another order and encoded again, spaces as %20",
            percent_spaces(&sorted),
        ),
    ];
    let mut out: Vec<Variant> = Vec::new();
    for (label, detail, bytes) in candidates {
        if bytes != body && !out.iter().any(|v| v.bytes == bytes) {
            out.push(Variant {
                mutation: Mutation::FormReencoded,
                label,
                detail: detail.to_string(),
                bytes,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_forms_and_leaves_the_rest() {
        assert!(is_form(b"payload=%7B%22a%22%3A1%7D&x=1"));
        assert!(!is_form(b"{\"a\": 1}"));
        assert!(!is_form(b"no equals sign"));
        assert!(guesses(b"{\"a\": 1}").is_empty());
    }

    #[test]
    fn the_original_of_a_re_encoded_form_is_among_the_guesses() {
        // Slack-style: `%20` for spaces, in the sender's order.
        let sent = b"text=hello%20world&user_name=zo%C3%AB&command=%2Fweather";
        let reencoded: Vec<u8> = {
            let p = pairs(sent);
            encode(p.iter())
        };
        assert_eq!(
            reencoded,
            b"text=hello+world&user_name=zo%C3%AB&command=%2Fweather"
        );
        assert!(guesses(&reencoded).iter().any(|v| v.bytes == sent));
    }
}
