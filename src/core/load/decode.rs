//! From bytes to text: refusing binary files, then choosing the encoding by byte-order mark,
//! by what the file declares (HTML `<meta charset>`, the XML declaration), and otherwise by
//! `chardetng`'s guess. Line ends and control characters are the sanitizer's job, not ours.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file, and the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why the bytes of a file are not text we can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file ({0}), not text")]
    Binary(&'static str),
    #[error("undecodable bytes: {0}")]
    Undecodable(String),
}

/// Decodes `bytes`. Valid UTF-8 is taken as it is; anything else must decode without errors
/// in the declared or detected encoding.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if body.iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
            return Err(DecodeError::Empty);
        }
        return decode_strict(body, encoding);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_strict(bytes, encoding);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: UTF_8.name(),
            });
        }
        Err(e) => {
            // A file cut off in the middle of a character is still UTF-8: keep what is whole.
            if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() {
                let text = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
                return Ok(Decoded {
                    text,
                    encoding: UTF_8.name(),
                });
            }
            if looks_like_broken_utf8(bytes) {
                return Err(DecodeError::Undecodable(format!(
                    "invalid UTF-8 at byte {} in a file that is otherwise UTF-8",
                    e.valid_up_to()
                )));
            }
        }
    }
    if let Some(declared) = declared_encoding(bytes)
        && declared != UTF_8
        && let Ok(decoded) = decode_strict(bytes, declared)
    {
        return Ok(decoded);
    }
    if let Some(decoded) = arabic_single_byte(bytes) {
        return Ok(decoded);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    decode_strict(bytes, guess)
}

/// [`decode`] for bytes we own, with a fast path for valid UTF-8 (the usual case): checked
/// with SIMD (the standard library's check costs about as much as parsing the article), then
/// copied once.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let plain_utf8 = !bytes.starts_with(b"\xEF\xBB\xBF")
        && binary_signature(&bytes).is_none()
        && memchr::memchr(0, &bytes).is_none()
        && !bytes.iter().all(u8::is_ascii_whitespace);
    if plain_utf8 && let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
        });
    }
    decode(&bytes)
}

fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeError::Undecodable(format!(
            "bytes that are not valid {}",
            encoding.name()
        )));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Arabic text in one of the two Arabic single-byte encodings, told apart without the general
/// detector (which costs more than parsing the article): the encoding whose decoding is
/// almost all Arabic script and punctuation wins. Windows-1256 puts French accented letters
/// where ISO-8859-6 has Arabic ones, so ISO-8859-6 text read as Windows-1256 shows accents in
/// the middle of words; and ISO-8859-6 leaves bytes unassigned that Windows-1256 uses.
fn arabic_single_byte(bytes: &[u8]) -> Option<Decoded> {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    if high < 16 {
        return None;
    }
    for encoding in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if had_errors {
            continue;
        }
        let (mut arabic, mut other) = (0usize, 0usize);
        for c in text.chars().filter(|c| !c.is_ascii()) {
            match c {
                '\u{0600}'..='\u{06FF}'
                | '«'
                | '»'
                | '\u{00A0}'
                | '…'
                | '–'
                | '—'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '\u{200C}'..='\u{200F}' => arabic += 1,
                _ => other += 1,
            }
        }
        if arabic >= 16 && other * 50 <= arabic {
            return Some(Decoded {
                text: text.into_owned(),
                encoding: encoding.name(),
            });
        }
    }
    None
}

/// Well-known magic numbers of files people keep next to their articles.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or office document"),
        (b"\x1F\x8B", "gzip archive"),
        (b"\x7FELF", "executable"),
        (b"RIFF", "RIFF media"),
        (b"OggS", "Ogg media"),
        (b"ID3", "MP3 audio"),
        (b"\x00\x00\x00\x18ftyp", "MP4 video"),
        (b"\x00\x00\x00\x20ftyp", "MP4 video"),
        (b"SQLite format 3", "SQLite database"),
        (b"\xD0\xCF\x11\xE0", "old office document"),
        (b"BZh", "bzip2 archive"),
        (b"\xFD7zXZ", "xz archive"),
        (b"7z\xBC\xAF", "7-Zip archive"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// UTF-16 saved without a BOM shows as NUL in every other byte of its ASCII characters (and,
/// for Arabic, a high byte of 0x06 in the same position).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_zero, mut odd_zero) = (0, 0);
    for pair in sample.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        if (a == 0 || a == 6) && b != 0 {
            even_zero += 1;
        }
        if (b == 0 || b == 6) && a != 0 {
            odd_zero += 1;
        }
    }
    if even_zero * 10 >= pairs * 9 {
        Some(UTF_16BE)
    } else if odd_zero * 10 >= pairs * 9 {
        Some(UTF_16LE)
    } else {
        None
    }
}

/// Many well-formed multi-byte sequences and a few errors: a UTF-8 file with damaged bytes, which
/// a single-byte guess would turn into mojibake.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut errors) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                valid_multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                errors += 1;
                let skip = e.error_len().unwrap_or(after.len()).min(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
            }
        }
    }
    // Legacy single-byte Arabic text forms a few valid pairs by chance, and fails everywhere
    // else; damaged UTF-8 is nearly all valid.
    valid_multibyte >= 20 && errors * 50 < valid_multibyte
}

/// The charset an HTML or XML file declares in its first 2 KiB.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for marker in ["charset=", "encoding="] {
        let mut from = 0;
        while let Some(pos) = head[from..].find(marker) {
            let value_start = from + pos + marker.len();
            let value: String = head[value_start..]
                .trim_start_matches(['"', '\'', ' '])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(enc) = Encoding::for_label(value.as_bytes()) {
                return Some(enc);
            }
            from = value_start;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "أعلنت وزارة الدفاع أن قواتها تمكنت من تدمير نحو مئتي دبابة وعربة مدرعة.";

    fn encode(text: &str, enc: &'static Encoding) -> Vec<u8> {
        let (bytes, _, errors) = enc.encode(text);
        assert!(!errors);
        bytes.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(ARABIC.as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "UTF-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(decode(&bom).unwrap().text, ARABIC);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(ARABIC.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(ARABIC.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&le).unwrap().text, ARABIC);
        assert_eq!(decode(&be).unwrap().text, ARABIC);
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).unwrap().text, ARABIC);
    }

    #[test]
    fn windows_1256_and_iso_8859_6_are_detected() {
        let text = format!("{ARABIC}\n{ARABIC}");
        let cp = encode(&text, encoding_rs::WINDOWS_1256);
        let d = decode(&cp).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            (text.as_str(), "windows-1256")
        );
        let iso_text = "وزارة الدفاع تعلن تدمير مئتي دبابة وعربة مدرعة في الاشتباكات";
        let iso = encode(iso_text, encoding_rs::ISO_8859_6);
        let d = decode(&iso).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (iso_text, "ISO-8859-6"));
    }

    #[test]
    fn declared_charset_wins_over_detection() {
        let mut page = b"<html><head><meta charset=\"windows-1256\"></head><body>".to_vec();
        page.extend(encode("صفحة", encoding_rs::WINDOWS_1256));
        let d = decode(&page).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert!(d.text.contains("صفحة"));
    }

    #[test]
    fn bad_inputs_are_refused_with_a_reason() {
        assert_eq!(decode(b"").unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\r\n ").unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err(),
            DecodeError::Binary("PNG image")
        );
        assert!(matches!(
            decode(b"abc\0\x01\x02def\0").unwrap_err(),
            DecodeError::Binary(_)
        ));
        let mut broken = ARABIC.as_bytes().to_vec();
        broken.insert(10, 0xFF);
        assert!(matches!(
            decode(&broken).unwrap_err(),
            DecodeError::Undecodable(_)
        ));
        // UTF-16 with a BOM but an odd number of bytes.
        assert!(matches!(
            decode(b"\xFF\xFEa\0b").unwrap_err(),
            DecodeError::Undecodable(_)
        ));
    }

    #[test]
    fn truncated_last_character_is_dropped_not_refused() {
        let bytes = ARABIC.as_bytes();
        let cut = &bytes[..bytes.len() - 2];
        let d = decode(cut).unwrap();
        assert!(ARABIC.starts_with(&d.text));
    }
}
