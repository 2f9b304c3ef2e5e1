//! Editions saved with `--json`: read back in any Unicode encoding, cleaned as page text is,
//! and with every article id made unique.

use std::collections::HashSet;

use serde_json::error::Category;

use super::super::sanitize::{is_invisible, sanitize};
use super::super::{Edition, LoadError};
use super::LoadOptions;
use super::decode::decode;

/// True when a name is a saved edition's: `*.json`.
pub fn is_saved_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.ends_with('/') && extension.eq_ignore_ascii_case("json")
    })
}

/// True when bytes (stdin) hold JSON rather than page text: an object, past any byte-order
/// mark and white space, in UTF-8 or UTF-16/32.
pub fn looks_saved(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    let ascii: Vec<u8> = head.iter().copied().filter(|&byte| byte != 0).collect();
    let ascii = ascii
        .strip_prefix(b"\xEF\xBB\xBF")
        .or_else(|| ascii.strip_prefix(b"\xFF\xFE"))
        .or_else(|| ascii.strip_prefix(b"\xFE\xFF"))
        .unwrap_or(&ascii);
    ascii.trim_ascii_start().starts_with(b"{")
}

/// Reads an edition saved with `--json`.
pub fn load(bytes: &[u8], name: &str, options: &LoadOptions) -> Result<Edition, LoadError> {
    let saved = |message: String| LoadError::Saved {
        name: name.to_owned(),
        message,
    };
    let text = decode(bytes, options.encoding)
        .map_err(|error| LoadError::NotText {
            name: name.to_owned(),
            reason: error.0,
        })?
        .text;
    let edition: Edition = serde_json::from_str(&text).map_err(|error| match error.classify() {
        Category::Syntax | Category::Eof => saved(format!("malformed JSON: {error}")),
        Category::Data if !text.trim_start().starts_with('{') => {
            saved("not an edition saved by kanbao (that is a JSON object with pages)".to_owned())
        }
        Category::Data => saved(format!("not an edition saved by kanbao: {error}")),
        Category::Io => saved(error.to_string()),
    })?;
    if edition.pages.is_empty() {
        return Err(saved("the saved edition has no pages".to_owned()));
    }
    let mut edition = sanitize_saved(edition);
    renumber_repeated_ids(&mut edition, name);
    Ok(edition)
}

/// Gives every article whose id an earlier article already has a new id of its page,
/// "page-ordinal" past the page's last, with a warning: a hand-made or merged file may
/// repeat ids, and the reader finds articles by id.
fn renumber_repeated_ids(edition: &mut Edition, name: &str) {
    let mut seen: HashSet<String> = HashSet::new();
    let all: HashSet<String> = (edition.pages.iter())
        .flat_map(|page| page.articles.iter().map(|article| article.id.clone()))
        .collect();
    let mut taken = all;
    let mut renumbered = Vec::new();
    for page in &mut edition.pages {
        let mut ordinal = page.articles.len();
        for article in &mut page.articles {
            if seen.insert(article.id.clone()) {
                continue;
            }
            let id = loop {
                ordinal += 1;
                let id = format!("{}-{ordinal}", page.number);
                if taken.insert(id.clone()) {
                    break id;
                }
            };
            seen.insert(id.clone());
            renumbered.push(format!("{} → {id}", article.id));
            article.id = id;
        }
    }
    if !renumbered.is_empty() {
        edition.warnings.push(format!(
            "{name}: {} article ids were repeated and are renumbered: {}",
            renumbered.len(),
            renumbered.join(", ")
        ));
    }
}

/// A saved edition is as untrusted as page text: its strings are cleaned the same way, so
/// escape sequences and bidi controls in a hand-made file reach no output.
fn sanitize_saved(mut edition: Edition) -> Edition {
    fn clean(text: &mut String) {
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' || is_invisible(c))
        {
            *text = sanitize(text).text.into_owned();
        }
    }
    fn clean_optional(text: &mut Option<String>) {
        text.iter_mut().for_each(clean);
    }
    // Names, labels, ids and titles are printed one to a line (--toc, lists, the status
    // line): a line break in one would split that line, so it reads as a space.
    fn one_line(text: &mut String) {
        clean(text);
        if text.contains('\n') {
            *text = text.split('\n').collect::<Vec<_>>().join(" ");
        }
    }
    fn one_line_optional(text: &mut Option<String>) {
        text.iter_mut().for_each(one_line);
    }
    one_line_optional(&mut edition.paper);
    one_line_optional(&mut edition.date);
    edition.warnings.iter_mut().for_each(one_line);
    for listed in &mut edition.page_list {
        one_line(&mut listed.label);
        one_line_optional(&mut listed.section);
    }
    for page in &mut edition.pages {
        one_line(&mut page.label);
        one_line_optional(&mut page.section);
        for article in &mut page.articles {
            one_line(&mut article.id);
            one_line(&mut article.title);
            one_line_optional(&mut article.repeat_of);
            for text in [
                &mut article.column,
                &mut article.kicker,
                &mut article.headline,
                &mut article.subtitle,
                &mut article.byline,
            ] {
                clean_optional(text);
            }
            article
                .blocks
                .iter_mut()
                .for_each(|block| clean(&mut block.text));
            (article.captions.iter_mut()).for_each(|caption| clean(&mut caption.text));
            // --toc prints the id a jump links to.
            for jump in [&mut article.jump_to, &mut article.jump_from]
                .into_iter()
                .flatten()
            {
                one_line_optional(&mut jump.article);
            }
        }
    }
    edition
}
