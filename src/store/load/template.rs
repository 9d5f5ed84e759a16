//! What a load run keeps once: the body's bytes around the fixture's holes,
//! and each header's value around the request's signature, timestamp and
//! event id; and fitting one request's bytes to it.

use super::codec::{Reader, put_bytes, put_varint};
use crate::request::Headers;

/// A piece of a header value: text, or one of the request's own values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Text(String),
    Signature,
    Timestamp,
    EventId,
}

/// What a load run keeps once.
#[derive(Debug)]
pub struct RunTemplate {
    /// The body's bytes around its holes: one more part than holes.
    pub(super) parts: Vec<Vec<u8>>,
    /// Finders for the parts between holes.
    finders: Vec<memchr::memmem::Finder<'static>>,
    headers: Vec<(String, Vec<Piece>)>,
    /// For each header, its value in the request the template was made
    /// from when that value is a secret the store redacts (GitLab's token).
    /// Kept in memory only: a request with the same value redacts to the
    /// same text, so it fits without being redacted again.
    secrets: Vec<Option<String>>,
}

/// The values of one request a template is filled with.
pub struct Values<'a> {
    pub timestamp: i64,
    pub signature: &'a str,
    pub event_id: &'a str,
}

impl RunTemplate {
    /// `parts`: the fixture template's bytes around its holes; `headers`
    /// and `values`: one request of the run, whose header values are split
    /// around its signature, event id and timestamp.
    pub fn new(parts: &[Vec<u8>], headers: &Headers, values: &Values) -> RunTemplate {
        let redacted = crate::store::redact::headers(headers);
        let ts = values.timestamp.to_string();
        let mut pieces_of = Vec::new();
        for (name, value) in redacted.iter() {
            pieces_of.push((name.to_string(), split_value(value, values, &ts)));
        }
        let mut t = RunTemplate::from_parts(parts.to_vec(), pieces_of);
        t.secrets = headers
            .iter()
            .zip(redacted.iter())
            .map(|((_, raw), (_, kept))| (raw != kept).then(|| raw.to_string()))
            .collect();
        t
    }

    fn from_parts(parts: Vec<Vec<u8>>, headers: Vec<(String, Vec<Piece>)>) -> RunTemplate {
        let finders = parts
            .iter()
            .skip(1)
            .map(|p| memchr::memmem::Finder::new(p).into_owned())
            .collect();
        let secrets = vec![None; headers.len()];
        RunTemplate {
            parts,
            finders,
            headers,
            secrets,
        }
    }

    pub(super) fn holes(&self) -> usize {
        self.parts.len().saturating_sub(1)
    }

    pub(super) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_varint(&mut out, self.parts.len() as u64);
        for p in &self.parts {
            put_bytes(&mut out, p);
        }
        put_varint(&mut out, self.headers.len() as u64);
        for (name, pieces) in &self.headers {
            put_bytes(&mut out, name.as_bytes());
            put_varint(&mut out, pieces.len() as u64);
            for piece in pieces {
                match piece {
                    Piece::Text(t) => {
                        out.push(0);
                        put_bytes(&mut out, t.as_bytes());
                    }
                    Piece::Signature => out.push(1),
                    Piece::Timestamp => out.push(2),
                    Piece::EventId => out.push(3),
                }
            }
        }
        out
    }

    pub(super) fn from_bytes(data: &[u8]) -> Option<RunTemplate> {
        let mut r = Reader::new(data);
        let n = r.varint()?;
        let mut parts = Vec::new();
        for _ in 0..n {
            parts.push(r.bytes()?.to_vec());
        }
        let mut headers = Vec::new();
        for _ in 0..r.varint()? {
            let name = r.text()?;
            let mut pieces = Vec::new();
            for _ in 0..r.varint()? {
                pieces.push(match r.byte()? {
                    0 => Piece::Text(r.text()?),
                    1 => Piece::Signature,
                    2 => Piece::Timestamp,
                    3 => Piece::EventId,
                    _ => return None,
                });
            }
            headers.push((name, pieces));
        }
        Some(RunTemplate::from_parts(parts, headers))
    }

    /// The values in `body`'s holes, when `body` is this template filled in.
    pub(super) fn split<'b>(&self, body: &'b [u8]) -> Option<smallvec::SmallVec<[&'b [u8]; 8]>> {
        let first = self.parts.first()?;
        let last = self.parts.last()?;
        if self.holes() == 0 {
            return (body == first.as_slice()).then(smallvec::SmallVec::new);
        }
        if !body.starts_with(first) || body.len() < first.len() + last.len() {
            return None;
        }
        let end = body.len() - last.len();
        if &body[end..] != last.as_slice() {
            return None;
        }
        let mut values = smallvec::SmallVec::new();
        let mut at = first.len();
        for (i, finder) in self.finders.iter().enumerate() {
            if i + 1 == self.holes() {
                values.push(body.get(at..end)?);
                break;
            }
            let len = finder.find(body.get(at..end)?)?;
            values.push(&body[at..at + len]);
            at += len + self.parts[i + 1].len();
        }
        Some(values)
    }

    /// [`split`](Self::split) when the caller says where the holes are:
    /// the parts between them are compared, not searched for.
    pub(super) fn split_at<'b>(
        &self,
        body: &'b [u8],
        holes: &[std::ops::Range<usize>],
    ) -> Option<smallvec::SmallVec<[&'b [u8]; 8]>> {
        if holes.len() != self.holes() {
            return None;
        }
        let mut values = smallvec::SmallVec::new();
        let mut at = 0;
        for (part, hole) in self.parts.iter().zip(holes) {
            if body.get(at..hole.start)? != part.as_slice() {
                return None;
            }
            values.push(body.get(hole.clone())?);
            at = hole.end;
        }
        (body.get(at..)? == self.parts.last()?.as_slice()).then_some(values)
    }

    /// Whether `headers`, as sent (before redaction), are this template's
    /// filled with `values`. A secret header fits when its value is the one
    /// the template was made from.
    pub(super) fn fits_headers(&self, headers: &Headers, values: &Values, ts: &str) -> bool {
        headers.len() == self.headers.len()
            && headers.iter().zip(&self.headers).zip(&self.secrets).all(
                |(((name, value), (t_name, pieces)), secret)| {
                    name == t_name
                        && match secret {
                            Some(raw) => value == raw,
                            None => Self::fits_value(value, pieces, values, ts),
                        }
                },
            )
    }

    fn fits_value(value: &str, pieces: &[Piece], values: &Values, ts: &str) -> bool {
        let mut rest = value;
        pieces
            .iter()
            .all(|p| match rest.strip_prefix(piece_text(p, values, ts)) {
                Some(r) => {
                    rest = r;
                    true
                }
                None => false,
            })
            && rest.is_empty()
    }

    /// The signature in `headers` (sent with timestamp `ts` and this event
    /// id), read where the template has it: the same text the provider's
    /// own parsing gives (`commands::signature_of`, tested for every
    /// provider), without parsing. `None` when the header does not fit.
    pub fn signature_in<'h>(
        &self,
        headers: &'h Headers,
        ts: &str,
        event_id: &str,
    ) -> Option<&'h str> {
        let (name, pieces) = self
            .headers
            .iter()
            .find(|(_, pieces)| pieces.contains(&Piece::Signature))?;
        let mut rest = headers.iter().find(|(n, _)| n == name)?.1;
        let mut signature = None;
        let mut pieces = pieces.iter().peekable();
        while let Some(p) = pieces.next() {
            match known_text(p, ts, event_id) {
                Some(want) => rest = rest.strip_prefix(want)?,
                None => {
                    let end = match pieces.peek() {
                        None => rest.len(),
                        Some(next) => rest.find(known_text(next, ts, event_id)?)?,
                    };
                    signature = Some(&rest[..end]);
                    rest = &rest[end..];
                }
            }
        }
        signature.filter(|s| rest.is_empty() && !s.is_empty())
    }

    pub(super) fn headers_with(&self, values: &Values) -> Headers {
        let ts = values.timestamp.to_string();
        self.headers
            .iter()
            .map(|(name, pieces)| {
                let value: String = pieces.iter().map(|p| piece_text(p, values, &ts)).collect();
                (name.clone(), value)
            })
            .collect()
    }
}

fn piece_text<'a>(p: &'a Piece, values: &'a Values<'_>, ts: &'a str) -> &'a str {
    known_text(p, ts, values.event_id).unwrap_or(values.signature)
}

/// A piece's text when it is not the signature (the one value a reader of
/// the headers does not know in advance).
fn known_text<'a>(p: &'a Piece, ts: &'a str, event_id: &'a str) -> Option<&'a str> {
    match p {
        Piece::Text(t) => Some(t),
        Piece::Timestamp => Some(ts),
        Piece::EventId => Some(event_id),
        Piece::Signature => None,
    }
}

/// `value` as text around the request's own signature, event id and
/// timestamp (tried in that order at each position).
pub(super) fn split_value(value: &str, values: &Values, ts: &str) -> Vec<Piece> {
    let needles = [
        (values.signature, Piece::Signature),
        (values.event_id, Piece::EventId),
        (ts, Piece::Timestamp),
    ];
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = value;
    'outer: while !rest.is_empty() {
        for (needle, piece) in &needles {
            if !needle.is_empty()
                && let Some(r) = rest.strip_prefix(needle)
            {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(piece.clone());
                rest = r;
                continue 'outer;
            }
        }
        let c = rest.chars().next().expect("not empty");
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_said_by_the_caller_give_what_the_search_finds_and_no_more() {
        let parts: Vec<Vec<u8>> = ["<", "-", ">"]
            .iter()
            .map(|p| p.as_bytes().to_vec())
            .collect();
        let t = RunTemplate::from_parts(parts, Vec::new());
        let body = b"<x-y-z>";
        let (a, b) = (1..4, 5..6);
        let said = t.split_at(body, &[a.clone(), b.clone()]).unwrap();
        assert_eq!(said.as_slice(), [&b"x-y"[..], b"z"]);
        // The search takes the first "-", inside the first value: both
        // rebuild the same bytes.
        let found = t.split(body).unwrap();
        assert_eq!(found.as_slice(), [&b"x"[..], b"y-z"]);
        let rebuild = |v: &[&[u8]]| [&b"<"[..], v[0], b"-", v[1], b">"].concat();
        assert_eq!(rebuild(&said), body);
        assert_eq!(rebuild(&found), body);
        // Ranges that do not lie between the parts are refused.
        assert!(t.split_at(body, std::slice::from_ref(&a)).is_none());
        assert!(t.split_at(body, &[2..4, b.clone()]).is_none());
        assert!(t.split_at(body, &[a, 5..7]).is_none());
    }

    #[test]
    fn a_secret_header_is_kept_redacted_and_fits_only_with_the_same_value() {
        let v = Values {
            timestamp: 17,
            signature: "",
            event_id: "id1",
        };
        let sent = |token: &str| -> Headers {
            [
                ("X-Gitlab-Token", token.to_string()),
                ("X-Id", "id1".into()),
            ]
            .into_iter()
            .collect()
        };
        let t = RunTemplate::new(&[b"{}".to_vec()], &sent("glpat-secret"), &v);
        let kept = t.headers_with(&v);
        assert_eq!(
            kept.get("X-Gitlab-Token"),
            Some(crate::secret::redacted("glpat-secret").as_str())
        );
        assert!(!format!("{kept:?}").contains("glpat-secret"));
        assert!(t.fits_headers(&sent("glpat-secret"), &v, "17"));
        assert!(!t.fits_headers(&sent("glpat-other"), &v, "17"));
        // A template read back from the store knows no raw value: nothing fits.
        let read = RunTemplate::from_bytes(&t.to_bytes()).unwrap();
        assert!(!read.fits_headers(&sent("glpat-secret"), &v, "17"));
        assert_eq!(read.headers_with(&v), kept);
    }

    #[test]
    fn header_values_split_around_the_request_values() {
        let v = Values {
            timestamp: 17,
            signature: "sig",
            event_id: "id1",
        };
        assert_eq!(
            split_value("t=17,v1=sig;id1", &v, "17"),
            vec![
                Piece::Text("t=".into()),
                Piece::Timestamp,
                Piece::Text(",v1=".into()),
                Piece::Signature,
                Piece::Text(";".into()),
                Piece::EventId
            ]
        );
    }
}
