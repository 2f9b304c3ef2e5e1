//! The one model builder every source layout feeds: pages by number, articles by their place,
//! ids unique in the edition, advertisements out of the lists, repeated listings marked, and
//! the parts of continued stories linked.
//!
//! Two sources naming the same page number (two files that both say 第1版, two page folders
//! A01 and B01) make one page: its articles are numbered on from the first source's, so
//! every id stays unique, and a warning names the page.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use super::error::LoadError;
use super::parse::title;
use super::source::body::Part;
use super::source::{ArticleFile, Content, Read, names};
use super::{Article, Edition, Jump, ListedPage, Page, ParsedText, page_label, resolve_jumps};

/// The headline of an advertisement placeholder.
const ADVERT_HEADLINE: &str = "广告";

/// An article while the edition is gathered: a key to find it again once ids are given.
#[derive(Debug)]
struct Entry {
    key: usize,
    /// Where the file's name puts it on its page, then the name.
    order: (u32, String),
    article: Article,
}

/// One page while the edition is gathered.
#[derive(Debug, Default)]
struct Slot {
    number: u32,
    label: String,
    /// The section a page header names.
    section: Option<String>,
    /// The sections (`theme`) the page's article files name.
    themes: Vec<String>,
    /// Article files, put in order by their place.
    files: Vec<Entry>,
    /// Articles of page text, in the text's order.
    texts: Vec<Article>,
    /// Continued parts of stories that start on other pages.
    continued: Vec<Entry>,
    /// Advertisement placeholders (their file names).
    adverts: Vec<String>,
    /// What gave this page: page headers read, page folders, for a repeated number's warning.
    sources: Vec<String>,
}

/// Gathers the reads of an edition's inputs into one edition.
#[derive(Debug, Default)]
pub(super) struct Builder {
    slots: Vec<Slot>,
    by_number: HashMap<u32, usize>,
    /// Whether any article file was read: pages then go by number, not by load order.
    article_files: bool,
    warnings: Vec<String>,
    dates: Vec<String>,
    papers: Vec<String>,
    /// The paper's pages for the day, from navigation lists, each number once.
    page_list: Vec<ListedPage>,
    /// Front part → continued part, by entry key.
    links: Vec<(usize, usize)>,
    next_key: usize,
    /// Front matter fields the model has no place for: "key: value" → files.
    unused: BTreeMap<String, usize>,
    /// The first input skipped for having no text.
    first_empty: Option<String>,
    /// Page text inputs, with the labels of the pages they gave.
    page_texts: Vec<(String, Vec<String>)>,
}

impl Builder {
    /// Adds one read input. `only_one` makes a text without a story an error rather than a
    /// skipped file.
    pub fn add(&mut self, read: Read, only_one: bool) -> Result<(), LoadError> {
        self.warnings.extend(read.warnings);
        // The date nearest the file: its own name (20191019-01-02.txt), else a folder's
        // (20191019/, rmrb-20191019/).
        let date_in = |part: &str| {
            let stem = part.rsplit_once('.').map_or(part, |(stem, _)| stem);
            names::date_of(stem).or_else(|| stem.split(['-', '_', ' ']).find_map(names::date_of))
        };
        if let Some(date) = names::components(&read.name).rev().find_map(date_in) {
            self.dates.push(date);
        }
        match read.content {
            Content::Empty => self.skip_empty(read.name, only_one),
            Content::PageText(parsed, text, position) => {
                let position_now = self.position();
                let parsed = match parsed {
                    Some(parsed) if position == position_now => parsed,
                    _ => super::parse(&text, position_now),
                };
                if parsed.pages.iter().all(|page| page.articles.is_empty()) {
                    return self.skip_empty(read.name, only_one);
                }
                self.add_page_text(parsed, &read.name);
                Ok(())
            }
            Content::Article(file, parts) => {
                self.add_article_file(*file, parts);
                Ok(())
            }
        }
    }

    /// Adds warnings about the inputs as a whole.
    pub fn warn(&mut self, warnings: impl IntoIterator<Item = String>) {
        self.warnings.extend(warnings);
    }

    fn skip_empty(&mut self, name: String, only_one: bool) -> Result<(), LoadError> {
        if only_one {
            return Err(LoadError::Empty { name });
        }
        self.warnings.push(format!("{name}: no text; skipped"));
        self.first_empty.get_or_insert(name);
        Ok(())
    }

    /// The position, from 1, a header-less page read next is numbered with: after every
    /// page so far.
    fn position(&self) -> u32 {
        let pages: usize = self
            .slots
            .iter()
            .map(|slot| slot.sources.len().max(1))
            .sum();
        u32::try_from(pages + 1).unwrap_or(u32::MAX)
    }

    fn slot(&mut self, number: u32, label: impl FnOnce() -> String) -> &mut Slot {
        let index = *self.by_number.entry(number).or_insert_with(|| {
            self.slots.push(Slot {
                number,
                label: label(),
                ..Slot::default()
            });
            self.slots.len() - 1
        });
        &mut self.slots[index]
    }

    fn key(&mut self) -> usize {
        self.next_key += 1;
        self.next_key
    }

    fn add_page_text(&mut self, parsed: ParsedText, name: &str) {
        self.warnings.extend(parsed.warnings());
        self.dates.extend(parsed.date.clone());
        self.papers.extend(parsed.paper.clone());
        for listed in &parsed.page_list {
            if !(self.page_list.iter()).any(|known| known.number == listed.number) {
                self.page_list.push(listed.clone());
            }
        }
        let labels = parsed.pages.iter().map(|page| page.label.clone()).collect();
        self.page_texts.push((name.to_owned(), labels));
        for page in parsed.pages {
            let slot = self.slot(page.number, || page.label.clone());
            slot.sources.push(format!("{} in {name}", page.label));
            if slot.section.is_none() {
                slot.section = page.section;
            }
            // A large edition is mostly page text: its articles are moved as they are.
            if slot.texts.is_empty() {
                slot.texts = page.articles;
            } else {
                slot.texts.extend(page.articles);
            }
        }
    }

    /// Adds an article file and the parts its body makes.
    fn add_article_file(&mut self, file: ArticleFile, parts: Vec<Part>) {
        self.article_files = true;
        let name = file.name;
        for unused in file.unused {
            *self.unused.entry(unused).or_default() += 1;
        }
        self.dates
            .extend(file.date.as_deref().and_then(names::date_of));
        self.papers.extend(file.paper);
        let place = file.place.clone();
        let number = (place.as_ref().map(|place| place.page))
            .or_else(|| file.page.as_deref().and_then(names::page_of_folder))
            .unwrap_or(1);
        let folder = place.as_ref().and_then(|place| place.page_folder.clone());
        let order = (
            place.as_ref().map_or(u32::MAX, |place| place.place),
            name.clone(),
        );
        let label = || match &folder {
            Some(folder) if folder.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                if folder.ends_with('版') {
                    folder.clone()
                } else {
                    format!("{folder}版")
                }
            }
            _ => page_label(number),
        };
        let heads = file.heads;
        let is_advert = heads.headline.as_deref().map(str::trim) == Some(ADVERT_HEADLINE)
            && heads.kicker.is_none()
            && heads.subtitle.is_none()
            && parts.iter().all(Part::is_empty);
        let slot = self.slot(number, label);
        if let Some(folder) = folder
            && !slot.sources.contains(&folder)
        {
            slot.sources.push(folder);
        }
        slot.themes.extend(file.theme);
        if is_advert {
            slot.adverts.push(name);
            return;
        }
        let mut parts = parts.into_iter();
        let front = parts.next().unwrap_or_default();
        let mut previous_to = front.jump_to;
        let byline = front.byline.clone().or(file.author);
        let mut article = article_of(front);
        article.column = heads.column;
        article.kicker = heads.kicker;
        article.headline = heads.headline;
        article.subtitle = heads.subtitle;
        article.byline = byline;
        (article.title, article.title_inferred) = title(&article);
        // Papers print a story's headline again over its continued part: the parts after
        // the first are listed under the story's title, their first sentence kept as text.
        let story_title = (article.title.clone(), article.title_inferred);
        let mut key = self.key();
        self.slot(number, || page_label(number)).files.push(Entry {
            key,
            order,
            article,
        });
        // The rest of a continued story, each part on the page the part before names.
        for part in parts {
            let Some(page) = previous_to else { break };
            let next_to = part.jump_to;
            let mut article = article_of(part);
            (article.title, article.title_inferred) = match story_title.0.is_empty() {
                true => title(&article),
                false => story_title.clone(),
            };
            let part_key = self.key();
            self.links.push((key, part_key));
            key = part_key;
            let order = (u32::MAX, name.clone());
            self.slot(page, || page_label(page)).continued.push(Entry {
                key: part_key,
                order,
                article,
            });
            previous_to = next_to;
        }
    }

    /// The edition: ids given, repeats marked, jumps linked.
    pub fn finish(mut self) -> Result<Edition, LoadError> {
        if self.slots.is_empty() {
            return Err(LoadError::Empty {
                name: self.first_empty.unwrap_or_else(|| "input".to_owned()),
            });
        }
        if self.article_files {
            self.slots.sort_by_key(|slot| slot.number);
            // A note or read-me beside article files is read, but a reader should know why
            // a page of it appears.
            for (name, labels) in &self.page_texts {
                self.warnings.push(format!(
                    "{name}: not an article file; read as page text ({})",
                    labels.join(", ")
                ));
            }
        }
        if !self.unused.is_empty() {
            let fields: Vec<String> = (self.unused.iter())
                .map(|(field, files)| match files {
                    1 => field.clone(),
                    _ => format!("{field} ({files} files)"),
                })
                .collect();
            self.warnings.push(format!(
                "front matter with no place in the model: {}",
                fields.join("; ")
            ));
        }
        // Where the linked parts end up; no other article's place is needed.
        let linked: HashSet<usize> = (self.links.iter())
            .flat_map(|&(front, back)| [front, back])
            .collect();
        let mut locations: HashMap<usize, (usize, usize)> = HashMap::new();
        let mut pages = Vec::with_capacity(self.slots.len());
        for (page_index, mut slot) in self.slots.into_iter().enumerate() {
            slot.files.sort_by(|a, b| a.order.cmp(&b.order));
            // Articles of files first, in their places, then page text, then continued parts.
            let mut keyed = Vec::new();
            let mut articles = Vec::new();
            let mut push = |articles: &mut Vec<Article>, entry: Entry| {
                keyed.push((entry.key, articles.len()));
                articles.push(entry.article);
            };
            if slot.files.is_empty() {
                articles = slot.texts;
            } else {
                articles.reserve(slot.files.len() + slot.texts.len());
                slot.files
                    .into_iter()
                    .for_each(|entry| push(&mut articles, entry));
                articles.extend(slot.texts);
            }
            slot.continued
                .into_iter()
                .for_each(|entry| push(&mut articles, entry));
            let mut id = String::new();
            for (index, article) in articles.iter_mut().enumerate() {
                id.clear();
                write!(id, "{}-{}", slot.number, index + 1).expect("writing to a string");
                if article.id != id {
                    article.id.clone_from(&id);
                }
            }
            for (key, index) in keyed {
                if linked.contains(&key) {
                    locations.insert(key, (page_index, index));
                }
            }
            if slot.sources.len() > 1 {
                self.warnings.push(format!(
                    "{}: {} pages have this number ({}); read as one page, its articles numbered on",
                    slot.label,
                    slot.sources.len(),
                    slot.sources.join(", ")
                ));
            }
            let section = match (&slot.section, articles.is_empty(), slot.adverts.is_empty()) {
                (_, true, false) => Some(ADVERT_HEADLINE.to_owned()),
                (Some(section), ..) => Some(section.clone()),
                _ => most_common(&slot.themes),
            };
            if !articles.is_empty() && !slot.adverts.is_empty() {
                self.warnings.push(format!(
                    "{}: {} advertisement placeholder{} not listed: {}",
                    slot.label,
                    slot.adverts.len(),
                    if slot.adverts.len() == 1 { "" } else { "s" },
                    slot.adverts.join(", ")
                ));
            }
            pages.push(Page {
                number: slot.number,
                label: slot.label,
                section,
                articles,
            });
        }
        let mut edition = Edition {
            paper: most_common(&self.papers),
            date: most_common(&self.dates),
            page_list: self.page_list,
            pages,
            warnings: self.warnings,
        };
        mark_repeats(&mut edition);
        // Parts linked by their file are kept out of the search for links, then linked.
        let links: Vec<((usize, usize), (usize, usize))> = (self.links.iter())
            .map(|(front, back)| (locations[front], locations[back]))
            .collect();
        let mut held = Vec::new();
        for &(front, back) in &links {
            let to = at(&mut edition, front).jump_to.take();
            let from = at(&mut edition, back).jump_from.take();
            held.push((to, from));
        }
        resolve_jumps(&mut edition);
        for (&(front, back), (to, from)) in links.iter().zip(held) {
            let front_id = at(&mut edition, front).id.clone();
            let back_id = at(&mut edition, back).id.clone();
            at(&mut edition, front).jump_to = to.map(|jump| Jump {
                article: Some(back_id),
                ..jump
            });
            at(&mut edition, back).jump_from = from.map(|jump| Jump {
                article: Some(front_id),
                ..jump
            });
        }
        Ok(edition)
    }
}

fn at(edition: &mut Edition, (page, index): (usize, usize)) -> &mut Article {
    &mut edition.pages[page].articles[index]
}

/// An article holding a part's body.
fn article_of(part: Part) -> Article {
    Article {
        byline: part.byline,
        blocks: part.blocks,
        captions: part.captions,
        jump_to: part.jump_to.map(|page| Jump {
            page,
            article: None,
        }),
        jump_from: part.jump_from.map(|page| Jump {
            page,
            article: None,
        }),
        ..Article::default()
    }
}

/// Marks every listing whose whole text an earlier listing already holds with that
/// listing's id. Listings are told apart by their heads and their body's shape first, so
/// only likely repeats are compared whole.
fn mark_repeats(edition: &mut Edition) {
    // Heads, number of blocks, bytes of text.
    type Shape<'a> = (Vec<&'a str>, usize, usize);
    fn shape(article: &Article) -> Shape<'_> {
        let text_len = article.blocks.iter().map(|block| block.text.len()).sum();
        (article.headings().collect(), article.blocks.len(), text_len)
    }
    let mut first: HashMap<Shape, Vec<(usize, usize)>> = HashMap::new();
    let mut repeats = Vec::new();
    for (page_index, page) in edition.pages.iter().enumerate() {
        for (index, article) in page.articles.iter().enumerate() {
            if article.blocks.is_empty() {
                continue;
            }
            let earlier = first.entry(shape(article)).or_default();
            let same = earlier.iter().find(|&&(page, at)| {
                let other = &edition.pages[page].articles[at];
                other.blocks == article.blocks && other.captions == article.captions
            });
            match same {
                Some(&(page, at)) => {
                    repeats.push((
                        (page_index, index),
                        edition.pages[page].articles[at].id.clone(),
                    ));
                }
                None => earlier.push((page_index, index)),
            }
        }
    }
    for ((page, index), id) in repeats {
        edition.pages[page].articles[index].repeat_of = Some(id);
    }
}

/// The value given most often, the first given among equals.
fn most_common(values: &[String]) -> Option<String> {
    let mut counts: Vec<(&String, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(seen, _)| *seen == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value, 1)),
        }
    }
    let best = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|&(_, count)| count == best)
        .map(|(value, _)| value.clone())
}

#[cfg(test)]
mod tests {
    use super::super::source::{Input, LoadOptions, load_inputs};
    use super::*;

    fn article(title: &str, body: &str) -> String {
        format!("---\ntitle: {title}\ntheme: 要闻\ndate: 2026-06-05\nsource: 某报\n---\n{body}\n")
    }

    fn load(files: &[(&str, String)]) -> Edition {
        let inputs = (files.iter())
            .map(|(name, text)| Input::new(*name, text.as_bytes()))
            .collect();
        load_inputs(inputs, &LoadOptions::default()).unwrap()
    }

    #[test]
    fn article_files_make_pages_in_order_with_links_repeats_and_adverts() {
        let continued = "第一段写了一些事情。\n第二段没有说完，（下转第二版）\n\u{3000}\u{3000}(上接第一版）\n接着说完。";
        let story = "　　本报记者 王五\n　　另一篇报道的正文。";
        let edition = load(&[
            (
                "20260605/二版/01-第二版的报道.md",
                article("第二版的报道", story),
            ),
            (
                "20260605/一版/02-前面的报道.md",
                article("前面的报道", continued),
            ),
            ("20260605/一版/01-头条.md", article("头条", "头条的正文。")),
            ("20260605/三版/01-广告.md", article("广告", "")),
            (
                "20260605/三版/02-第二版的报道.md",
                article("第二版的报道", story),
            ),
            ("20260605/四版/01-广告.md", article("广告", "")),
        ]);
        assert_eq!(edition.date.as_deref(), Some("2026-06-05"));
        assert_eq!(edition.paper.as_deref(), Some("某报"));
        let titles: Vec<(&str, &str)> = (edition.pages.iter())
            .flat_map(|page| &page.articles)
            .map(|article| (article.id.as_str(), article.title.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                ("1-1", "头条"),
                ("1-2", "前面的报道"),
                ("2-1", "第二版的报道"),
                ("2-2", "前面的报道"),
                ("3-1", "第二版的报道"),
            ]
        );
        let front = edition.article("1-2").unwrap();
        assert_eq!(
            front.jump_to.as_ref().unwrap().article.as_deref(),
            Some("2-2")
        );
        let back = edition.article("2-2").unwrap();
        assert_eq!(
            back.jump_from.as_ref().unwrap().article.as_deref(),
            Some("1-2")
        );
        assert_eq!(
            edition.article("2-1").unwrap().byline.as_deref(),
            Some("本报记者 王五")
        );
        assert_eq!(
            edition.article("3-1").unwrap().repeat_of.as_deref(),
            Some("2-1")
        );
        let last = edition.pages.last().unwrap();
        assert_eq!((last.number, last.section.as_deref()), (4, Some("广告")));
        assert!(last.articles.is_empty());
        assert!(edition.warnings.iter().any(|w| w.contains("advertisement")));
    }

    #[test]
    fn page_text_beside_article_files_is_read_and_named_in_a_warning() {
        let edition = load(&[
            (
                "20191019/20191019-01-01.txt",
                "\n头条\n\n\u{3000}\u{3000}头条的正文。\n".to_owned(),
            ),
            (
                "20191019/说明.txt",
                "这是说明文件，不是报纸的一版。\n".to_owned(),
            ),
        ]);
        assert_eq!(edition.pages.len(), 2);
        assert!(
            edition
                .warnings
                .iter()
                .any(|w| w.contains("说明.txt: not an article file"))
        );
    }

    #[test]
    fn page_folders_of_one_number_make_one_page_with_unique_ids() {
        let edition = load(&[
            ("A01/01-甲.md", article("甲", "甲的正文。")),
            ("B01/01-乙.md", article("乙", "乙的正文。")),
        ]);
        let ids: Vec<&str> = (edition.pages.iter())
            .flat_map(|page| &page.articles)
            .map(|article| article.id.as_str())
            .collect();
        assert_eq!(ids, ["1-1", "1-2"]);
        assert!(edition.warnings.iter().any(|w| w.contains("A01, B01")));
    }
}
