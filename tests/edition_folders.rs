//! Folders of article files, as crawlers and archives keep editions, load as the editions
//! they are: the right pages, article order, heads, bylines, columns, sections, date,
//! advertisements, repeated listings and jumps, with every character kept.
//!
//! The expected values are read from the files here, by the test's own reading of the two
//! layouts (names, header lines, front matter), not typed out. The same measures run on the
//! editions in `tests/fixtures/editions` (every one must be right) and, when the folder is
//! there, on every edition in `../shared/editions`, whose rates are printed.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use kanbao::edition::{self, Article, Edition};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/editions");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/editions");

/// One article file, as the test reads it.
#[derive(Debug, Default)]
struct Expected {
    name: String,
    page: u32,
    place: u32,
    headline: Option<String>,
    kicker: Option<String>,
    subtitle: Option<String>,
    author: Option<String>,
    column: Option<String>,
    theme: Option<String>,
    /// The body's lines, trimmed, empty ones left out.
    body: Vec<String>,
    /// The heads and body lines, to tell repeated listings (files may differ in blank
    /// lines alone).
    content: String,
}

impl Expected {
    fn is_advert(&self) -> bool {
        self.headline.as_deref() == Some("广告") && self.body.is_empty()
    }

    /// The index of the body line that ends with a 下转 marker and is followed by a line
    /// opening with 上接: the file holds both parts of a continued story.
    fn cut(&self) -> Option<usize> {
        (0..self.body.len().saturating_sub(1))
            .find(|&index| {
                self.body[index].ends_with("版）") && self.body[index].contains("下转")
                    || self.body[index].ends_with("版)") && self.body[index].contains("下转")
            })
            .filter(|&index| self.body[index + 1].contains("上接"))
    }

    /// A 上接 line in the middle of the body with no 下转 line before it.
    fn has_seam(&self) -> bool {
        self.cut().is_none()
            && self.body.iter().skip(1).any(|line| {
                line.starts_with(['（', '(']) && line.chars().skip(1).take(2).eq("上接".chars())
            })
    }
}

fn trimmed(line: &str) -> Option<String> {
    let line = line.trim();
    (!line.is_empty()).then(|| line.to_owned())
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u32)
}

/// The page number a page folder's name gives: 一版, 十二版, 第2版, 02版, A01.
fn folder_page(name: &str) -> Option<u32> {
    let name = name.trim_start_matches('第').trim_end_matches('版');
    let name = name.trim_start_matches(|c: char| c.is_ascii_uppercase());
    if let Ok(number) = name.parse() {
        return Some(number);
    }
    match name.chars().collect::<Vec<_>>().as_slice() {
        ['十'] => Some(10),
        [c] => chinese_digit(*c),
        ['十', unit] => Some(10 + chinese_digit(*unit)?),
        [tens, '十'] => Some(chinese_digit(*tens)? * 10),
        [tens, '十', unit] => Some(chinese_digit(*tens)? * 10 + chinese_digit(*unit)?),
        _ => None,
    }
}

/// The front matter's values, each list joined with spaces, and the body after it.
fn front_matter(text: &str) -> (HashMap<String, String>, &str) {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("closed front matter");
    let mut fields: HashMap<String, String> = HashMap::new();
    let mut key = String::new();
    for line in rest[..end].lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            let value = fields.entry(key.clone()).or_default();
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(item.trim());
        } else if let Some((name, value)) = line.split_once(':') {
            name.trim().clone_into(&mut key);
            if !value.trim().is_empty() {
                fields.insert(key.clone(), value.trim().to_owned());
            }
        }
    }
    (fields, &rest[end + 5..])
}

/// Every article file of the edition folder, read by the test.
fn expected_files(folder: &Path) -> Vec<Expected> {
    let mut files = Vec::new();
    let mut paths: Vec<(Option<u32>, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let page = folder_page(path.file_name().unwrap().to_str().unwrap());
            for file in std::fs::read_dir(&path).unwrap() {
                paths.push((page, file.unwrap().path()));
            }
        } else {
            paths.push((None, path));
        }
    }
    for (folder_page, path) in paths {
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\r\n", "\n");
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let numbers: Vec<&str> = stem.split('-').collect();
        let mut file = Expected {
            name: path.display().to_string(),
            ..Expected::default()
        };
        if let Some(page) = folder_page {
            let (fields, body) = front_matter(&text);
            file.page = page;
            file.place = numbers[0].parse().unwrap();
            file.headline = fields.get("title").cloned();
            file.subtitle = fields.get("subtitle").cloned();
            file.author = fields.get("author").cloned();
            file.column = fields.get("column").cloned();
            file.theme = fields.get("theme").cloned();
            file.body = body.lines().filter_map(trimmed).collect();
        } else {
            let [_, page, place] = numbers[..] else {
                panic!("{stem}")
            };
            file.page = page.parse().unwrap();
            file.place = place.parse().unwrap();
            let mut lines = text.lines();
            file.kicker = lines.next().and_then(trimmed);
            file.headline = lines.next().and_then(trimmed);
            file.subtitle = lines.next().and_then(trimmed);
            file.body = lines.filter_map(trimmed).collect();
        }
        let heads = [&file.kicker, &file.headline, &file.subtitle];
        let heads = heads.map(|head| head.clone().unwrap_or_default());
        file.content = format!("{heads:?}{:?}", file.body);
        files.push(file);
    }
    files.sort_by(|a, b| (a.page, a.place, &a.name).cmp(&(b.page, b.place, &b.name)));
    files
}

/// The characters of `text` other than white space, sorted: what must be kept, in any order.
fn letters<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut letters: Vec<char> = texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    letters.sort_unstable();
    letters
}

/// The text of an article: heads, body and captions.
fn article_texts(article: &Article) -> impl Iterator<Item = &str> {
    let blocks = article.blocks.iter().map(|block| block.text.as_str());
    let captions = article.captions.iter().map(|caption| caption.text.as_str());
    article.headings().chain(blocks).chain(captions)
}

/// How often each measure held, over files or editions.
#[derive(Debug, Default)]
struct Rates(BTreeMap<&'static str, (usize, usize)>);

impl Rates {
    fn count(&mut self, measure: &'static str, held: bool) {
        let (good, all) = self.0.entry(measure).or_default();
        *good += usize::from(held);
        *all += 1;
    }

    fn failed(&self) -> Vec<String> {
        (self.0.iter())
            .filter(|(_, (good, all))| good < all)
            .map(|(measure, (good, all))| format!("{measure}: {good}/{all}"))
            .collect()
    }

    fn print(&self, what: &str) {
        eprintln!("{what}:");
        for (measure, (good, all)) in &self.0 {
            eprintln!(
                "  {measure:<28} {good:>5}/{all:<5} {:6.2}%",
                100.0 * *good as f64 / (*all).max(1) as f64
            );
        }
    }
}

/// Measures one edition folder against the files it holds.
fn measure(folder: &Path, rates: &mut Rates) {
    let edition: Edition = edition::load(&[folder.to_path_buf()]).expect("the edition loads");
    let files = expected_files(folder);
    let name = folder.file_name().unwrap().to_str().unwrap();
    let date = format!("{}-{}-{}", &name[..4], &name[4..6], &name[6..8]);
    rates.count("date", edition.date.as_deref() == Some(date.as_str()));
    let mut pages: BTreeMap<u32, Vec<&Expected>> = BTreeMap::new();
    for file in &files {
        pages.entry(file.page).or_default().push(file);
    }
    let numbers: Vec<u32> = edition.pages.iter().map(|page| page.number).collect();
    rates.count(
        "pages",
        numbers == pages.keys().copied().collect::<Vec<_>>(),
    );
    let mut first_listing: HashMap<&str, String> = HashMap::new();
    for (number, files) in &pages {
        let Some(page) = edition.page(*number) else {
            continue;
        };
        let stories: Vec<&&Expected> = files.iter().filter(|file| !file.is_advert()).collect();
        if stories.is_empty() {
            rates.count("advert pages", page.section.as_deref() == Some("广告"));
        }
        // The themes' most common, the first among equals.
        let mut themes: Vec<(&str, usize)> = Vec::new();
        for theme in files.iter().filter_map(|file| file.theme.as_deref()) {
            match themes.iter_mut().find(|(seen, _)| *seen == theme) {
                Some((_, count)) => *count += 1,
                None => themes.push((theme, 1)),
            }
        }
        let best = themes.iter().map(|(_, count)| *count).max();
        let theme = themes.iter().find(|(_, count)| Some(*count) == best);
        if let Some((theme, _)) = theme
            && !stories.is_empty()
        {
            rates.count("sections", page.section.as_deref() == Some(*theme));
        }
        let listed: Vec<&Article> = page
            .articles
            .iter()
            .filter(|a| a.headline.is_some())
            .collect();
        rates.count("article count", listed.len() == stories.len());
        for (file, article) in stories.iter().zip(&listed) {
            let heads = article.headline == file.headline
                && article.kicker == file.kicker
                && article.subtitle == file.subtitle;
            if !heads {
                eprintln!("heads differ: {} → {}", file.name, article.id);
            }
            rates.count("heads", heads);
            rates.count("columns", article.column == file.column);
            let byline_from_body = file.body.first() == article.byline.as_ref();
            rates.count("bylines", byline_from_body || article.byline == file.author);
            if let Some(first) = first_listing.get(file.content.as_str()) {
                if article.repeat_of.as_ref() != Some(first) {
                    eprintln!("not marked a repeat: {} → {}", file.name, article.id);
                }
                rates.count("repeats", article.repeat_of.as_ref() == Some(first));
            } else {
                first_listing.insert(&file.content, article.id.clone());
                if article.repeat_of.is_some() {
                    eprintln!("marked a repeat: {} → {}", file.name, article.id);
                }
                rates.count("repeats", article.repeat_of.is_none());
            }
            let mut parts = edition::story_parts(&edition, &article.id);
            if file.cut().is_some() {
                let linked = parts.len() == 2
                    && parts[1].jump_from.as_ref().and_then(|j| j.article.as_ref())
                        == Some(&article.id)
                    && article.jump_to.as_ref().and_then(|j| j.article.as_ref())
                        == Some(&parts[1].id);
                rates.count("jumps cut in two parts", linked);
                let titled = parts.get(1).is_some_and(|back| {
                    (&back.title, back.title_inferred) == (&article.title, article.title_inferred)
                });
                rates.count("continued parts titled as the story", titled);
            }
            if file.has_seam() {
                let warned = edition.warnings.iter().any(|w| w.contains(&file.name));
                rates.count("seams warned", warned && parts.len() == 1);
            }
            // Every character of the file's heads and body is in the story, but the markers
            // the jumps took.
            if article.is_repeat() {
                parts = vec![article];
            }
            let mut model = letters(parts.iter().flat_map(|part| article_texts(part)));
            let mut source: Vec<&str> =
                [&file.kicker, &file.headline, &file.subtitle, &file.column]
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
            source.extend(file.body.iter().map(String::as_str));
            if article.byline == file.author
                && let Some(author) = &file.author
            {
                source.push(author);
            }
            let mut source = letters(source);
            if let Some(cut) = file.cut() {
                let markers = [&file.body[cut], &file.body[cut + 1]].map(|line| {
                    let start = line.rfind(['（', '(']).unwrap();
                    let end = line.find(['）', ')']).unwrap() + '）'.len_utf8();
                    let (open, close) = if line.contains("下转") {
                        (start, line.len())
                    } else {
                        (0, end.min(line.len()))
                    };
                    line[open..close].to_owned()
                });
                for marker in markers {
                    for c in marker.chars().filter(|c| !c.is_whitespace()) {
                        if let Some(at) = source.iter().position(|&s| s == c) {
                            source.remove(at);
                        }
                    }
                }
            }
            model.retain(|c| *c != '\u{a0}');
            source.retain(|c| *c != '\u{a0}');
            if model != source {
                eprintln!("characters differ: {} → {}", file.name, article.id);
            }
            rates.count("every character kept", model == source);
        }
        // No advertisement is listed.
        rates.count(
            "adverts not listed",
            !page
                .articles
                .iter()
                .any(|a| a.headline.as_deref() == Some("广告")),
        );
    }
    // Ids are unique.
    let mut ids: Vec<&str> = edition
        .pages
        .iter()
        .flat_map(|p| &p.articles)
        .map(|a| a.id.as_str())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    rates.count("unique ids", ids.len() == count);
}

/// The edition folders under `root`: folders named YYYYMMDD, one or two levels down.
fn editions(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for paper in std::fs::read_dir(root).unwrap() {
        let paper = paper.unwrap().path();
        if !paper.is_dir() {
            continue;
        }
        for edition in std::fs::read_dir(&paper).unwrap() {
            let edition = edition.unwrap().path();
            let name = edition.file_name().unwrap().to_str().unwrap();
            if edition.is_dir() && name.len() == 8 && name.bytes().all(|b| b.is_ascii_digit()) {
                found.push(edition);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_fixture_editions_load_right_in_every_measure() {
    let mut rates = Rates::default();
    let editions = editions(Path::new(FIXTURES));
    assert!(editions.len() >= 4);
    for folder in &editions {
        measure(folder, &mut rates);
    }
    rates.print("fixture editions");
    assert!(rates.failed().is_empty(), "{:?}", rates.failed());
    // Each measure was taken: the fixtures hold adverts, repeats, jumps and seams.
    for measure in [
        "advert pages",
        "repeats",
        "jumps cut in two parts",
        "continued parts titled as the story",
        "seams warned",
    ] {
        assert!(rates.0.contains_key(measure), "{measure}");
    }
}

#[test]
fn a_continued_part_carries_the_story_headline_and_keeps_its_first_sentence() {
    let folder = Path::new(FIXTURES).join("zgqxb-2026-06/20260605");
    let edition = edition::load(&[folder]).unwrap();
    let front = (edition.pages.iter())
        .flat_map(|page| &page.articles)
        .find(|article| article.jump_to.is_some())
        .unwrap();
    let back = edition
        .article(front.jump_to.as_ref().unwrap().article.as_deref().unwrap())
        .unwrap();
    assert_eq!(front.title, "这场实验室“五年大考”，释放哪些信号？");
    assert_eq!(
        (back.title.as_str(), back.title_inferred),
        (front.title.as_str(), false)
    );
    // The headline is the list's title, not printed text: the part's own heads stay empty.
    assert_eq!(back.headline, None);
    assert!(
        back.blocks[0]
            .text
            .starts_with("此外，评估体现出分类评价思路。")
    );
}

#[test]
fn every_shared_edition_loads_right_in_every_measure() {
    let root = Path::new(SHARED);
    if !root.is_dir() {
        eprintln!("skipped: no editions at {SHARED}");
        return;
    }
    let mut rates = Rates::default();
    let editions = editions(root);
    for folder in &editions {
        measure(folder, &mut rates);
    }
    rates.print(&format!("{} shared editions", editions.len()));
    assert!(rates.failed().is_empty(), "{:?}", rates.failed());
}
