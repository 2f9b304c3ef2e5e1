//! Links between the parts of a continued story: the front part ends "(下转第四版)", the
//! continued part on page 4 starts "(上接第一版)".
//!
//! The markers name pages, never articles, and one inner page often carries several continued
//! parts in an order of its own, some repeating the front headline, some under a short jump
//! headline of their own, some with none at all. So a jump is resolved from what the text
//! offers: the markers must agree on both pages; the parts must then share the edition's rare
//! terms (names, places, numbers, Latin words, CJK bigrams and trigrams weighted by rarity);
//! a headline on the continued part counts when the front's headings contain its terms; and the
//! paragraphs either side of the cut share terms, often one sentence broken in two.
//!
//! Each part is linked at most once, best match first, and only when the match is both good
//! enough and clearly better than its rivals: a jump left unresolved costs the reader a page
//! turn, a wrong link sends them into another story.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{Article, BlockKind, CaptionKind, Edition, Jump, page_label};
use super::parallel::map_chunks;
use crate::chars::{ends_sentence, is_cjk};

/// The least score a pair needs to be linked, however few rivals it has: unrelated stories of
/// one edition share only common terms and score well below this.
const MIN_SCORE: f64 = 0.08;
/// How far the best pair must lead every rival sharing one of its parts.
const MIN_MARGIN: f64 = 0.05;
/// Weight of a continued part's headline being drawn from the front's headings.
const HEADLINE_WEIGHT: f64 = 0.3;
/// Weight of the terms shared by the paragraphs either side of the cut.
const JUNCTION_WEIGHT: f64 = 0.2;
/// Bonus when the front breaks off mid-sentence and the continued part picks the sentence up.
const CONTINUITY_BONUS: f64 = 0.05;

/// Fills `Jump::article` on both sides of every continued story it can link with confidence,
/// and appends one warning to `edition.warnings` for every jump it leaves unresolved.
///
/// Links already present are recomputed from scratch.
pub fn resolve_jumps(edition: &mut Edition) {
    for article in edition.pages.iter_mut().flat_map(|page| &mut page.articles) {
        for jump in [&mut article.jump_to, &mut article.jump_from]
            .into_iter()
            .flatten()
        {
            jump.article = None;
        }
    }

    let resolution = Resolution::of(edition);
    let warnings = resolution.warnings();
    let links: Vec<(Location, Location)> = resolution
        .assignment
        .links
        .iter()
        .map(|pair| {
            (
                resolution.fronts[pair.front].at,
                resolution.backs[pair.back].at,
            )
        })
        .collect();
    for (front, back) in links {
        let back_id = article_at(edition, back).id.clone();
        let front_id = article_at(edition, front).id.clone();
        set_link(&mut article_at(edition, front).jump_to, back_id);
        set_link(&mut article_at(edition, back).jump_from, front_id);
    }
    edition.warnings.extend(warnings);
}

/// The parts of the story that contains article `id`, in reading order: the front part first,
/// then each resolved continuation. A lone article is a story of one part; an unknown id gives
/// none. Links that run in a circle are followed once round.
pub fn story_parts<'a>(edition: &'a Edition, id: &str) -> Vec<&'a Article> {
    // A repeated listing is read as the listing it repeats.
    let id = match edition
        .article(id)
        .and_then(|article| article.repeat_of.as_deref())
    {
        Some(first) if edition.article(first).is_some() => first,
        _ => id,
    };
    parts_of(|id| edition.article(id), id)
}

/// Every story of the edition once, as [`story_parts`] gives it, in the order of the first
/// of its articles in the edition: what merged reading reads from start to end. A listing
/// that repeats an earlier one ([`Article::is_repeat`]) is not read again.
pub fn stories(edition: &Edition) -> Vec<Vec<&Article>> {
    let articles = || edition.pages.iter().flat_map(|page| &page.articles);
    // The first article of an id, as `Edition::article` finds it, without a walk per look-up.
    let mut by_id: HashMap<&str, &Article> = HashMap::new();
    for article in articles() {
        by_id.entry(&article.id).or_insert(article);
    }
    let mut told = HashSet::new();
    let mut stories = Vec::new();
    for article in articles() {
        if article.is_repeat() || told.contains(article.id.as_str()) {
            continue;
        }
        let parts = parts_of(|id| by_id.get(id).copied(), &article.id);
        told.extend(parts.iter().map(|part| part.id.as_str()));
        stories.push(parts);
    }
    stories
}

/// [`story_parts`], with `article` finding an article by its id.
fn parts_of<'a>(article: impl Fn(&str) -> Option<&'a Article>, id: &str) -> Vec<&'a Article> {
    let linked = |jump: &Option<Jump>| article(jump.as_ref()?.article.as_deref()?);
    let Some(mut first) = article(id) else {
        return Vec::new();
    };
    let mut seen = HashSet::from([first.id.as_str()]);
    while let Some(previous) = linked(&first.jump_from) {
        if !seen.insert(&previous.id) {
            break;
        }
        first = previous;
    }

    let mut parts = vec![first];
    let mut seen = HashSet::from([first.id.as_str()]);
    while let Some(next) = linked(&parts[parts.len() - 1].jump_to) {
        if !seen.insert(&next.id) {
            break;
        }
        parts.push(next);
    }
    parts
}

/// Where an article sits in its edition: the index of its page, and its index on the page.
type Location = (usize, usize);

fn article_at(edition: &mut Edition, (page, index): Location) -> &mut Article {
    &mut edition.pages[page].articles[index]
}

fn set_link(jump: &mut Option<Jump>, target: String) {
    if let Some(jump) = jump {
        jump.article = Some(target);
    }
}

/// One end of a jump: a front part (下转) or a continued part (上接).
struct JumpEnd<'a> {
    article: &'a Article,
    at: Location,
    /// The page the part is printed on.
    page: u32,
    /// The page its marker names.
    marked_page: u32,
}

/// The parts of `edition` whose jump on `side` is set, in reading order.
fn jump_ends(edition: &Edition, side: fn(&Article) -> &Option<Jump>) -> Vec<JumpEnd<'_>> {
    edition
        .pages
        .iter()
        .enumerate()
        .flat_map(|(page_at, page)| {
            page.articles
                .iter()
                .enumerate()
                .filter_map(move |(index, article)| {
                    Some(JumpEnd {
                        article,
                        at: (page_at, index),
                        page: page.number,
                        marked_page: side(article).as_ref()?.page,
                    })
                })
        })
        .collect()
}

/// A front part and a continued part whose markers agree, with how well their texts match.
#[derive(Debug, Clone, Copy)]
struct Pair {
    front: usize,
    back: usize,
    score: f64,
}

/// The two ends of a pair; as a number, the index of per-side tables.
#[derive(Debug, Clone, Copy)]
enum Side {
    Front = 0,
    Back = 1,
}

impl Side {
    /// The index of the pair's part on this side.
    fn of(self, pair: &Pair) -> usize {
        match self {
            Side::Front => pair.front,
            Side::Back => pair.back,
        }
    }
}

/// For each of `parts` parts on `side`, the indices of the pairs it is in, in order.
fn pairs_by(pairs: &[Pair], side: Side, parts: usize) -> Vec<Vec<usize>> {
    let mut by_part = vec![Vec::new(); parts];
    for (index, pair) in pairs.iter().enumerate() {
        by_part[side.of(pair)].push(index);
    }
    by_part
}

/// Why a jump end stayed unresolved.
enum Unresolved {
    PageMissing,
    NoMarker,
    NoMatch,
    /// Its best match was linked to a part that matches it better.
    Outbid {
        by: Pair,
    },
    Ambiguous {
        best: Pair,
        rival: Pair,
    },
}

/// The outcome of matching every front part against every continued part.
struct Resolution<'a> {
    fronts: Vec<JumpEnd<'a>>,
    backs: Vec<JumpEnd<'a>>,
    pairs: Vec<Pair>,
    assignment: Assignment,
    /// The numbers of the edition's pages.
    pages: HashSet<u32>,
    /// The pairs of each front and of each back.
    pairs_of: [Vec<Vec<usize>>; 2],
    /// The index in `assignment.links` of each front's link and of each back's.
    link_of: [Vec<Option<usize>>; 2],
}

impl<'a> Resolution<'a> {
    fn of(edition: &'a Edition) -> Self {
        let fronts = jump_ends(edition, |article| &article.jump_to);
        let backs = jump_ends(edition, |article| &article.jump_from);

        // Only parts whose markers answer each other are compared: the fronts printed on one
        // page and marked for another with the backs printed there and marked back. Each such
        // group is scored alone, so that only its parts' term vectors are held at once.
        let mut groups: BTreeMap<(u32, u32), [Vec<usize>; 2]> = BTreeMap::new();
        for (index, front) in fronts.iter().enumerate() {
            let group = groups.entry((front.page, front.marked_page)).or_default();
            group[Side::Front as usize].push(index);
        }
        for (index, back) in backs.iter().enumerate() {
            if let Some(group) = groups.get_mut(&(back.marked_page, back.page)) {
                group[Side::Back as usize].push(index);
            }
        }
        groups.retain(|_, [fronts, backs]| !fronts.is_empty() && !backs.is_empty());

        let mut pairs = Vec::new();
        if !groups.is_empty() {
            let compared = groups.values().flat_map(|[group_fronts, group_backs]| {
                let fronts = group_fronts.iter().map(|&f| fronts[f].article);
                fronts.chain(group_backs.iter().map(|&b| backs[b].article))
            });
            let corpus = Corpus::new(edition, compared);
            let groups: Vec<&[Vec<usize>; 2]> = groups.values().collect();
            let score_groups = |groups: &[&[Vec<usize>; 2]], _| {
                let mut pairs = Vec::new();
                let mut spread = Spread::new(corpus.rarities.len());
                let mut terms = Vec::new();
                for [group_fronts, group_backs] in groups.iter().copied() {
                    let mut texts = |indices: &[usize], ends: &[JumpEnd]| -> Vec<PartText> {
                        (indices.iter())
                            .map(|&index| PartText::new(&corpus, ends[index].article, &mut terms))
                            .collect()
                    };
                    let back_texts = texts(group_backs, &backs);
                    let front_texts = texts(group_fronts, &fronts);
                    for (&back, back_text) in group_backs.iter().zip(&back_texts) {
                        spread.set(&back_text.whole);
                        let wholes: Vec<f64> = (front_texts.iter())
                            .map(|front_text| spread.cosine(&front_text.whole))
                            .collect();
                        spread.unset(&back_text.whole);
                        spread.set(&back_text.first_paragraph);
                        let fronts = group_fronts.iter().zip(&front_texts).zip(wholes);
                        for ((&front, front_text), whole) in fronts {
                            let junction = spread.cosine(&front_text.last_paragraph);
                            let score = front_text.continuation_score(back_text, whole, junction);
                            pairs.push(Pair { front, back, score });
                        }
                        spread.unset(&back_text.first_paragraph);
                    }
                }
                pairs
            };
            pairs = map_chunks(&groups, score_groups).concat();
            pairs.sort_by_key(|pair| (pair.front, pair.back));
        }

        let assignment = assign(&pairs);
        let mut link_of = [vec![None; fronts.len()], vec![None; backs.len()]];
        for (index, link) in assignment.links.iter().enumerate() {
            for side in [Side::Front, Side::Back] {
                link_of[side as usize][side.of(link)] = Some(index);
            }
        }
        Resolution {
            pairs_of: [
                pairs_by(&pairs, Side::Front, fronts.len()),
                pairs_by(&pairs, Side::Back, backs.len()),
            ],
            link_of,
            pages: edition.pages.iter().map(|page| page.number).collect(),
            fronts,
            backs,
            pairs,
            assignment,
        }
    }

    /// Why jump end `index` on `side` stayed unresolved, or `None` when it is linked.
    fn unresolved(&self, side: Side, index: usize) -> Option<Unresolved> {
        let end = match side {
            Side::Front => &self.fronts[index],
            Side::Back => &self.backs[index],
        };
        let pairs = &self.pairs_of[side as usize][index];
        if self.link_of[side as usize][index].is_some() {
            return None;
        }
        if !self.pages.contains(&end.marked_page) {
            return Some(Unresolved::PageMissing);
        }
        if pairs.is_empty() {
            return Some(Unresolved::NoMarker);
        }
        if let Some(&(best, rival)) = self
            .assignment
            .ambiguous
            .iter()
            .find(|(best, rival)| side.of(best) == index || side.of(rival) == index)
        {
            return Some(Unresolved::Ambiguous { best, rival });
        }
        // The first link made that took a part this end could have had.
        let outbid_by = pairs
            .iter()
            .map(|&pair| &self.pairs[pair])
            .filter(|pair| pair.score >= MIN_SCORE)
            .flat_map(|pair| {
                [Side::Front, Side::Back].map(|side| self.link_of[side as usize][side.of(pair)])
            })
            .flatten()
            .min();
        Some(
            outbid_by.map_or(Unresolved::NoMatch, |link| Unresolved::Outbid {
                by: self.assignment.links[link],
            }),
        )
    }

    /// One line for every jump end left unresolved, fronts first.
    fn warnings(&self) -> Vec<String> {
        let fronts = self.fronts.iter().enumerate().filter_map(|(index, end)| {
            let why = self.unresolved(Side::Front, index)?;
            let unmarked = format!("continues from page {}", end.page);
            Some(self.describe(end, "下转", &unmarked, &why))
        });
        let backs = self.backs.iter().enumerate().filter_map(|(index, end)| {
            let why = self.unresolved(Side::Back, index)?;
            let unmarked = format!("jumps to page {}", end.page);
            Some(self.describe(end, "上接", &unmarked, &why))
        });
        fronts.chain(backs).collect()
    }

    /// "1-2: 下转第四版, but …; left unresolved". `unmarked` says what no part on the marked
    /// page does when none carries the answering marker.
    fn describe(&self, end: &JumpEnd, marker: &str, unmarked: &str, why: &Unresolved) -> String {
        let page = end.marked_page;
        let reason = match why {
            Unresolved::PageMissing => format!("page {page} is not in this edition"),
            Unresolved::NoMarker => format!("no part on page {page} {unmarked}"),
            Unresolved::NoMatch => format!("no part on page {page} matches"),
            Unresolved::Outbid { by } => format!("{} is the better link", self.pair_name(by)),
            Unresolved::Ambiguous { best, rival } => {
                let mut names = [self.pair_name(best), self.pair_name(rival)];
                names.sort_unstable();
                format!("{} and {} match about equally", names[0], names[1])
            }
        };
        format!(
            "{}: {marker}{}, but {reason}; left unresolved",
            end.article.id,
            page_label(page)
        )
    }

    fn pair_name(&self, pair: &Pair) -> String {
        format!(
            "{}→{}",
            self.fronts[pair.front].article.id, self.backs[pair.back].article.id
        )
    }
}

/// Which pairs are linked, and which were too close to call.
#[derive(Debug, Default)]
struct Assignment {
    links: Vec<Pair>,
    /// Pairs that led their part but not by the margin, with the rival that came too close.
    ambiguous: Vec<(Pair, Pair)>,
}

/// Links pairs one to one, best first, each only when it scores at least `MIN_SCORE` and leads
/// by `MIN_MARGIN` every rival that shares a part with it and is still unlinked. A front whose
/// best pair lacks that lead gives up, but its pairs still count as rivals: a part it might own
/// goes to no one else by a narrow lead.
fn assign(pairs: &[Pair]) -> Assignment {
    let parts = |side: Side| {
        pairs
            .iter()
            .map(|pair| side.of(pair) + 1)
            .max()
            .unwrap_or(0)
    };
    let (fronts, backs) = (parts(Side::Front), parts(Side::Back));
    let by_front = pairs_by(pairs, Side::Front, fronts);
    let by_back = pairs_by(pairs, Side::Back, backs);
    let mut ranked: Vec<&Pair> = pairs.iter().collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut assignment = Assignment::default();
    let (mut front_linked, mut back_linked) = (vec![false; fronts], vec![false; backs]);
    let mut given_up = vec![false; fronts];
    for &pair in ranked {
        let open = |pair: &Pair| !front_linked[pair.front] && !back_linked[pair.back];
        if pair.score < MIN_SCORE || given_up[pair.front] || !open(&pair) {
            continue;
        }
        // Of rivals scoring the same, the last in `pairs` counts, as `max_by` keeps it.
        let rival = by_front[pair.front]
            .iter()
            .chain(&by_back[pair.back])
            .filter(|&&other| {
                let other = &pairs[other];
                (other.front == pair.front) != (other.back == pair.back) && open(other)
            })
            .max_by(|&&a, &&b| pairs[a].score.total_cmp(&pairs[b].score).then(a.cmp(&b)))
            .map(|&rival| pairs[rival]);
        match rival {
            Some(rival) if pair.score - rival.score < MIN_MARGIN => {
                given_up[pair.front] = true;
                assignment.ambiguous.push((pair, rival));
            }
            _ => {
                front_linked[pair.front] = true;
                back_linked[pair.back] = true;
                assignment.links.push(pair);
            }
        }
    }
    assignment
}

/// The texts an article prints: headings, byline, body blocks (each with its index) and
/// captions (not descriptions, which are in another language).
fn printed_texts(article: &Article) -> impl Iterator<Item = (Option<usize>, &str)> {
    let headings = [
        &article.column,
        &article.kicker,
        &article.headline,
        &article.subtitle,
        &article.byline,
    ];
    let blocks = (article.blocks.iter().enumerate())
        .map(|(index, block)| (Some(index), block.text.as_str()));
    let captions = (article.captions.iter())
        .filter(|caption| caption.kind != CaptionKind::Description)
        .map(|caption| (None, caption.text.as_str()));
    (headings.into_iter().flatten())
        .map(|text| (None, text.as_str()))
        .chain(blocks)
        .chain(captions)
}

/// Calls `emit` with the terms of everything an article prints (see [`printed_texts`]).
fn article_terms(article: &Article, mut emit: impl FnMut(Term)) {
    for (_, text) in printed_texts(article) {
        for_each_term(text, &mut emit);
    }
}

/// The pieces of one part that matching compares, as term vectors.
struct PartText {
    whole: TermVector,
    /// The terms of the front's headings, or of the continued part's printed headline, with
    /// their rarities; sorted, each once.
    headings: Vec<(Term, f64)>,
    first_paragraph: TermVector,
    last_paragraph: TermVector,
    starts_mid_sentence: bool,
    ends_mid_sentence: bool,
}

impl PartText {
    /// The pieces of `article`, read once; `terms` is room to read them in.
    fn new(corpus: &Corpus, article: &Article, terms: &mut Vec<Term>) -> Self {
        let mut paragraphs = (article.blocks.iter().enumerate())
            .filter(|(_, block)| block.kind == BlockKind::Paragraph)
            .map(|(index, block)| (index, block.text.trim()));
        let first = paragraphs.next();
        let (last_at, last) = paragraphs.next_back().or(first).unzip();
        let (first_at, first) = first.unzip();
        let (first, last) = (first.unwrap_or_default(), last.unwrap_or_default());

        // The paragraphs' terms are runs of the article's: trimming adds or removes none.
        terms.clear();
        let (mut first_terms, mut last_terms) = (0..0, 0..0);
        for (block, text) in printed_texts(article) {
            let start = terms.len();
            for_each_term(text, |term| terms.push(term));
            if block.is_some() && block == first_at {
                first_terms = start..terms.len();
            }
            if block.is_some() && block == last_at {
                last_terms = start..terms.len();
            }
        }
        let first_paragraph = corpus.vector(&mut terms[first_terms]);
        let last_paragraph = corpus.vector(&mut terms[last_terms]);
        let whole = corpus.vector(terms);

        let mut headings: Vec<Term> = [&article.kicker, &article.headline, &article.subtitle]
            .into_iter()
            .flatten()
            .flat_map(|heading| self::terms(heading))
            .collect();
        headings.sort_unstable();
        headings.dedup();
        Self {
            whole,
            headings: (headings.into_iter())
                .map(|term| (term, corpus.rarity(term)))
                .collect(),
            first_paragraph,
            last_paragraph,
            starts_mid_sentence: starts_mid_sentence(first),
            ends_mid_sentence: !first.is_empty() && ends_mid_sentence(last),
        }
    }

    /// How likely `back` continues this front part, given the cosines of their whole texts
    /// and of the paragraphs either side of the cut: near zero for unrelated stories of one
    /// edition, 0.1 and up for a true continuation.
    fn continuation_score(&self, back: &PartText, whole: f64, junction: f64) -> f64 {
        let headline = containment(&back.headings, &self.headings);
        let continuity = self.ends_mid_sentence && back.starts_mid_sentence;
        whole
            + HEADLINE_WEIGHT * headline
            + JUNCTION_WEIGHT * junction
            + if continuity { CONTINUITY_BONUS } else { 0.0 }
    }
}

/// The share of `part`'s terms, weighted by rarity, that `whole` contains (both sorted, each
/// term once).
fn containment(part: &[(Term, f64)], whole: &[(Term, f64)]) -> f64 {
    let total: f64 = part.iter().map(|&(_, rarity)| rarity).sum();
    if total == 0.0 {
        return 0.0;
    }
    let shared: f64 = part
        .iter()
        .filter(|(term, _)| whole.binary_search_by_key(term, |&(term, _)| term).is_ok())
        .map(|&(_, rarity)| rarity)
        .sum();
    shared / total
}

/// Term rarity across the articles of one edition.
struct Corpus {
    /// The index of each term asked about, in the order of the terms.
    index: TermMap<u32>,
    /// The rarity of each term asked about, by index, worked out once: vectors look terms up
    /// millions of times.
    rarities: Vec<f64>,
    /// The rarity of a term no article uses.
    unseen: f64,
}

impl Corpus {
    /// Counts, over every article of `edition`, the articles using each term of `parts`: the
    /// rarity of no other term is ever asked for, and editions run to millions of terms.
    fn new<'e>(edition: &'e Edition, parts: impl IntoIterator<Item = &'e Article>) -> Self {
        let mut asked: TermMap<()> = TermMap::default();
        for article in parts {
            article_terms(article, |term| {
                asked.insert(term, ());
            });
        }
        let mut asked: Vec<Term> = asked.into_keys().collect();
        asked.sort_unstable();
        let index: TermMap<u32> = asked.into_iter().zip(0..).collect();

        let articles: Vec<&Article> = edition
            .pages
            .iter()
            .flat_map(|page| &page.articles)
            .collect();
        let count = |articles: &[&Article], _| {
            // For each term asked about, the articles using it and the last (from 1) that did.
            let mut counts = vec![(0_u32, 0_u32); index.len()];
            // A trigram comes right after the bigram of its last two characters, and is asked
            // about only when that bigram is: most trigrams need no look-up.
            let mut bigram_asked = false;
            for (article, number) in articles.iter().zip(1..) {
                article_terms(article, |term| {
                    if term.is_trigram() && !bigram_asked {
                        return;
                    }
                    let found = index.get(&term);
                    if term.is_bigram() {
                        bigram_asked = found.is_some();
                    }
                    if let Some(&at) = found {
                        let (articles, last) = &mut counts[at as usize];
                        if *last != number {
                            (*articles, *last) = (*articles + 1, number);
                        }
                    }
                });
            }
            counts
        };
        let mut usage = vec![0_u32; index.len()];
        for counts in map_chunks(&articles, count) {
            for (total, (articles, _)) in usage.iter_mut().zip(counts) {
                *total += articles;
            }
        }
        let documents = u32::try_from(articles.len()).unwrap_or(u32::MAX);
        // Inverse document frequency: high for a term few articles use, never zero.
        let rarity = |articles: u32| (1.0 + f64::from(documents) / f64::from(articles.max(1))).ln();
        Self {
            index,
            rarities: usage.into_iter().map(rarity).collect(),
            unseen: rarity(0),
        }
    }

    fn rarity(&self, term: Term) -> f64 {
        (self.index.get(&term)).map_or(self.unseen, |&at| self.rarities[at as usize])
    }

    /// The unit TF-IDF vector of a text's terms, every one of them asked about (the text is
    /// part of an article `new` was given); sorts `terms`.
    fn vector(&self, terms: &mut [Term]) -> TermVector {
        terms.sort_unstable();
        let mut weights: Vec<(u32, f64)> = terms
            .chunk_by(|a, b| a == b)
            .map(|run| {
                let at = self.index[&run[0]];
                let count = run.len() as f64;
                (at, (1.0 + count.ln()) * self.rarities[at as usize])
            })
            .collect();
        let norm = weights
            .iter()
            .map(|(_, weight)| weight * weight)
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for (_, weight) in &mut weights {
                *weight /= norm;
            }
        }
        TermVector(weights)
    }
}

/// A sparse unit vector of term weights by term index, sorted by index (so by term) so that
/// sums come out the same every run.
struct TermVector(Vec<(u32, f64)>);

/// One term vector spread out by term index, so that its cosine with each of many others
/// costs one look-up per term of theirs: one page can answer another with many parts.
struct Spread(Vec<f64>);

impl Spread {
    /// Room for vectors over `terms` terms, none set.
    fn new(terms: usize) -> Self {
        Self(vec![0.0; terms])
    }

    fn set(&mut self, vector: &TermVector) {
        for &(at, weight) in &vector.0 {
            self.0[at as usize] = weight;
        }
    }

    fn unset(&mut self, vector: &TermVector) {
        for &(at, _) in &vector.0 {
            self.0[at as usize] = 0.0;
        }
    }

    /// The cosine of `vector` and the vector set. Terms the set one lacks add a product of
    /// zero, which leaves the sum as it was: shared terms are summed in term order.
    fn cosine(&self, vector: &TermVector) -> f64 {
        let mut sum = 0.0;
        for &(at, weight) in &vector.0 {
            sum += weight * self.0[at as usize];
        }
        sum
    }
}

/// A term: a CJK bigram or trigram, its characters packed into the number (every Han
/// character fits in 18 bits), or a Latin word or number, known by a 62-bit hash of its
/// lowercase form. Two words of one edition sharing a hash is a chance of about one in a
/// billion, and would only add one weak shared term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Term(u64);

impl Term {
    const BIGRAM: u64 = 1 << 62;
    const TRIGRAM: u64 = 2 << 62;
    const WORD: u64 = 3 << 62;

    fn bigram(a: char, b: char) -> Self {
        Self(Self::BIGRAM | u64::from(a) << 18 | u64::from(b))
    }

    fn trigram(a: char, b: char, c: char) -> Self {
        Self(Self::TRIGRAM | u64::from(a) << 36 | u64::from(b) << 18 | u64::from(c))
    }

    fn word(hash: u64) -> Self {
        Self(Self::WORD | hash >> 2)
    }

    fn is_bigram(self) -> bool {
        self.0 & Self::WORD == Self::BIGRAM
    }

    fn is_trigram(self) -> bool {
        self.0 & Self::WORD == Self::TRIGRAM
    }
}

/// FNV-1a over the lowercase bytes of a word, as they come.
struct WordHash(u64);

impl WordHash {
    const START: u64 = 0xcbf2_9ce4_8422_2325;

    fn push(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
}

/// A hash map keyed by terms, hashed by one multiplication: terms are numbers already, and a
/// large edition looks up millions of them.
type TermMap<V> = HashMap<Term, V, BuildHasherDefault<TermHasher>>;

#[derive(Default)]
struct TermHasher(u64);

impl Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn finish(&self) -> u64 {
        self.0 ^ self.0 >> 32
    }
}

/// The terms of a text: CJK bigrams and trigrams (Chinese has no spaces to find words by), and
/// whole Latin words and numbers, lowercased.
fn terms(text: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    for_each_term(text, |term| terms.push(term));
    terms
}

/// Calls `emit` with each term of `text` (see [`terms`]) as it is read.
fn for_each_term(text: &str, mut emit: impl FnMut(Term)) {
    let (mut before_last, mut last): (Option<char>, Option<char>) = (None, None);
    let mut word: Option<WordHash> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_han(c) {
            if let Some(b) = last {
                emit(Term::bigram(b, c));
                if let Some(a) = before_last {
                    emit(Term::trigram(a, b, c));
                }
            }
            (before_last, last) = (last, Some(c));
        } else {
            (before_last, last) = (None, None);
        }
        let in_number =
            c == '.' && word.is_some() && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_alphanumeric() || in_number {
            word.get_or_insert(WordHash(WordHash::START))
                .push(c.to_ascii_lowercase() as u8);
        } else if let Some(hash) = word.take() {
            emit(Term::word(hash.0));
        }
    }
    if let Some(hash) = word {
        emit(Term::word(hash.0));
    }
}

/// True for the Han characters terms are made of; all are below U+30000, in 18 bits.
fn is_han(c: char) -> bool {
    is_cjk(c) && c < '\u{30000}'
}

/// Whether a paragraph breaks off before its sentence ends.
fn ends_mid_sentence(paragraph: &str) -> bool {
    !ends_sentence(paragraph)
}

/// Whether a paragraph opens with something no sentence opens with: a clause separator, or a
/// particle that only follows what it attaches to.
fn starts_mid_sentence(paragraph: &str) -> bool {
    paragraph.trim_start().chars().next().is_some_and(|c| {
        matches!(
            c,
            '，' | '、' | '；' | '：' | ',' | ';' | ':' | '的' | '地' | '得' | '了' | '着' | '过'
        ) || c.is_ascii_lowercase()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::{Block, Page};

    fn story(headline: Option<&str>, paragraphs: &[&str]) -> Article {
        let blocks = paragraphs
            .iter()
            .map(|text| Block {
                kind: BlockKind::Paragraph,
                text: (*text).to_owned(),
            })
            .collect();
        Article {
            headline: headline.map(str::to_owned),
            title: headline.unwrap_or(paragraphs[0]).to_owned(),
            title_inferred: headline.is_none(),
            blocks,
            ..Article::default()
        }
    }

    fn continues_on(page: u32, mut article: Article) -> Article {
        article.jump_to = Some(Jump {
            page,
            article: None,
        });
        article
    }

    fn continued_from(page: u32, mut article: Article) -> Article {
        article.jump_from = Some(Jump {
            page,
            article: None,
        });
        article
    }

    /// An edition of the given pages, articles numbered "page-ordinal", jumps resolved.
    fn resolved(pages: Vec<(u32, Vec<Article>)>) -> Edition {
        let pages = pages
            .into_iter()
            .map(|(number, articles)| Page {
                number,
                label: page_label(number),
                section: None,
                articles: articles
                    .into_iter()
                    .enumerate()
                    .map(|(index, article)| Article {
                        id: format!("{number}-{}", index + 1),
                        ..article
                    })
                    .collect(),
            })
            .collect();
        let mut edition = Edition {
            pages,
            ..Edition::default()
        };
        resolve_jumps(&mut edition);
        edition
    }

    fn target<'a>(
        edition: &'a Edition,
        id: &str,
        side: fn(&Article) -> &Option<Jump>,
    ) -> Option<&'a str> {
        let article = edition.article(id).expect("article exists");
        side(article)
            .as_ref()
            .expect("article has the jump")
            .article
            .as_deref()
    }

    fn jump_to<'a>(edition: &'a Edition, id: &str) -> Option<&'a str> {
        target(edition, id, |article| &article.jump_to)
    }

    fn jump_from<'a>(edition: &'a Edition, id: &str) -> Option<&'a str> {
        target(edition, id, |article| &article.jump_from)
    }

    fn warning_about<'a>(edition: &'a Edition, id: &str) -> &'a str {
        let prefix = format!("{id}: ");
        let mut found = edition
            .warnings
            .iter()
            .filter(|warning| warning.starts_with(&prefix));
        let warning = found
            .next()
            .unwrap_or_else(|| panic!("no warning about {id}: {:?}", edition.warnings));
        assert!(
            found.next().is_none(),
            "one warning about {id}: {:?}",
            edition.warnings
        );
        warning
    }

    const PORT_HEADLINE: &str = "新航线连通东南亚港口";

    fn port_front() -> Article {
        continues_on(
            4,
            story(
                Some(PORT_HEADLINE),
                &[
                    "本月起，东港集团新开通一条直达胡志明市的集装箱航线，每周两班，单程航行时间缩短至七天。",
                    "东港集团航线部负责人林海波介绍，新航线主要承运家电、轮胎和纺织品，首航当天装载集装箱一千二百标准箱，",
                ],
            ),
        )
    }

    fn port_back(headline: Option<&str>) -> Article {
        continued_from(
            1,
            story(
                headline,
                &[
                    "舱位全部订满。林海波说，东港集团今年还将开通两条至东南亚的集装箱航线，加密胡志明市、曼谷等港口的班次。",
                    "新航线开通后，外贸企业出口货物的物流成本预计下降一成，通关时间缩短一半。",
                ],
            ),
        )
    }

    fn school_front() -> Article {
        continues_on(
            4,
            story(
                Some("高考志愿填报咨询进社区"),
                &[
                    "市教育招生考试院组织百余名资深教师走进社区、学校，为考生和家长解读招生录取政策。",
                    "招生考试院副院长周文静表示，今年本科志愿填报采用“院校+专业”的平行志愿方式，考生最多可填报九十六个志愿，",
                ],
            ),
        )
    }

    fn school_back() -> Article {
        continued_from(
            1,
            story(
                Some("志愿填报有了好参谋"),
                &[
                    "每个志愿由一所院校的一个专业组成。周文静提醒考生，填报时要兼顾兴趣与分数，合理拉开梯度。",
                    "咨询活动将持续到七月中旬，招生考试院还开通了志愿填报咨询热线，由资深教师轮流值守。",
                ],
            ),
        )
    }

    fn clinic_front() -> Article {
        continues_on(
            4,
            story(
                Some("互联网医院让复诊不出门"),
                &[
                    "市立医院互联网医院上线半年来，已为三万余名慢性病患者提供线上复诊和处方服务。",
                    "医院信息中心主任郑卫东介绍，患者在手机上完成复诊后，药品由专人配送到家，",
                ],
            ),
        )
    }

    fn clinic_back() -> Article {
        continued_from(
            1,
            story(
                None,
                &[
                    "最快当天即可送达。郑卫东说，互联网医院下一步将接入医保结算，让慢性病患者线上复诊也能直接报销。",
                    "目前，市立医院已有四十多个科室的医生在互联网医院坐诊，复诊患者平均候诊时间不到十分钟。",
                ],
            ),
        )
    }

    fn promenade() -> Article {
        story(
            Some("海滨步道全线贯通"),
            &[
                "全长四十二公里的海滨步道日前全线贯通，沿途新建观景平台十八处、驿站二十六座。",
                "步道串联起沿海的公园、浴场和渔港，市民可以从老城一路步行到东部新区。",
            ],
        )
    }

    fn front_page_and_page_four() -> Edition {
        resolved(vec![
            (1, vec![port_front(), school_front(), clinic_front()]),
            (
                4,
                vec![
                    clinic_back(),
                    promenade(),
                    port_back(Some(PORT_HEADLINE)),
                    school_back(),
                ],
            ),
        ])
    }

    #[test]
    fn continued_parts_link_both_ways_whatever_their_order_and_headline() {
        let edition = front_page_and_page_four();
        assert_eq!(
            jump_to(&edition, "1-1"),
            Some("4-3"),
            "repeats the front headline"
        );
        assert_eq!(
            jump_to(&edition, "1-2"),
            Some("4-4"),
            "has a jump headline of its own"
        );
        assert_eq!(jump_to(&edition, "1-3"), Some("4-1"), "has no headline");
        assert_eq!(jump_from(&edition, "4-3"), Some("1-1"));
        assert_eq!(jump_from(&edition, "4-4"), Some("1-2"));
        assert_eq!(jump_from(&edition, "4-1"), Some("1-3"));
        assert_eq!(edition.warnings, Vec::<String>::new());
    }

    #[test]
    fn a_story_that_does_not_continue_stays_unlinked() {
        let edition = front_page_and_page_four();
        let promenade = edition.article("4-2").unwrap();
        assert_eq!((&promenade.jump_to, &promenade.jump_from), (&None, &None));
    }

    #[test]
    fn a_jump_to_a_page_not_in_the_edition_is_reported() {
        let edition = resolved(vec![(1, vec![port_front(), promenade()])]);
        assert_eq!(jump_to(&edition, "1-1"), None);
        assert_eq!(
            warning_about(&edition, "1-1"),
            "1-1: 下转第四版, but page 4 is not in this edition; left unresolved"
        );
        assert_eq!(edition.warnings.len(), 1);
    }

    #[test]
    fn a_continuation_from_another_page_is_not_taken_however_alike() {
        let edition = resolved(vec![
            (1, vec![port_front()]),
            (4, vec![continued_from(2, port_back(Some(PORT_HEADLINE)))]),
        ]);
        assert_eq!(jump_to(&edition, "1-1"), None);
        assert_eq!(jump_from(&edition, "4-1"), None);
        assert!(warning_about(&edition, "1-1").contains("no part on page 4 continues from page 1"));
        assert!(warning_about(&edition, "4-1").contains("page 2 is not in this edition"));
    }

    #[test]
    fn unrelated_text_under_answering_markers_stays_unresolved() {
        let edition = resolved(vec![(1, vec![port_front()]), (4, vec![clinic_back()])]);
        assert_eq!(jump_to(&edition, "1-1"), None);
        assert_eq!(jump_from(&edition, "4-1"), None);
        assert!(warning_about(&edition, "1-1").contains("no part on page 4 matches"));
        assert!(warning_about(&edition, "4-1").contains("no part on page 1 matches"));
    }

    #[test]
    fn two_fronts_never_share_one_continued_part() {
        let cold_storage = continues_on(
            4,
            story(
                Some("港口冷链仓储再扩容"),
                &[
                    "东港集团冷链物流园二期日前投用，新增冷库库容五万吨，可同时堆存冷藏集装箱八百个。",
                    "园区负责人介绍，随着至东南亚的新航线开通，进口水果在港口完成查验后可直接入库，",
                ],
            ),
        );
        let edition = resolved(vec![
            (1, vec![cold_storage, port_front()]),
            (4, vec![port_back(Some(PORT_HEADLINE))]),
        ]);
        assert_eq!(jump_from(&edition, "4-1"), Some("1-2"));
        assert_eq!(jump_to(&edition, "1-2"), Some("4-1"));
        assert_eq!(jump_to(&edition, "1-1"), None);
        assert_eq!(
            warning_about(&edition, "1-1"),
            "1-1: 下转第四版, but 1-2→4-1 is the better link; left unresolved"
        );
    }

    #[test]
    fn a_part_two_fronts_match_equally_stays_unresolved() {
        let edition = resolved(vec![
            (1, vec![port_front(), port_front()]),
            (4, vec![port_back(None)]),
        ]);
        assert_eq!(jump_to(&edition, "1-1"), None);
        assert_eq!(jump_to(&edition, "1-2"), None);
        assert_eq!(jump_from(&edition, "4-1"), None);
        assert!(warning_about(&edition, "1-1").contains("match about equally"));
        assert!(warning_about(&edition, "1-2").contains("match about equally"));
        assert!(warning_about(&edition, "4-1").contains("match about equally"));
    }

    #[test]
    fn a_front_two_parts_match_equally_stays_unresolved() {
        let edition = resolved(vec![
            (1, vec![port_front()]),
            (4, vec![port_back(None), port_back(None)]),
        ]);
        assert_eq!(jump_to(&edition, "1-1"), None);
        assert_eq!(
            warning_about(&edition, "1-1"),
            "1-1: 下转第四版, but 1-1→4-1 and 1-1→4-2 match about equally; left unresolved"
        );
    }

    fn assigned(scores: &[(usize, usize, f64)]) -> (Vec<(usize, usize)>, usize) {
        let pairs: Vec<Pair> = scores
            .iter()
            .map(|&(front, back, score)| Pair { front, back, score })
            .collect();
        let assignment = assign(&pairs);
        let links = assignment
            .links
            .iter()
            .map(|link| (link.front, link.back))
            .collect();
        (links, assignment.ambiguous.len())
    }

    #[test]
    fn a_front_whose_rival_part_is_taken_links_to_its_own() {
        // Front 1 alone cannot choose between its parts, but part 0 clearly belongs to front 0.
        let scores = [(0, 0, 0.6), (1, 0, 0.32), (1, 1, 0.3)];
        assert_eq!(assigned(&scores), (vec![(0, 0), (1, 1)], 0));
    }

    #[test]
    fn a_close_call_links_neither_rival() {
        let scores = [(0, 0, 0.5), (1, 0, 0.48), (1, 1, 0.3)];
        assert_eq!(assigned(&scores), (vec![], 2), "both fronts give up");
    }

    #[test]
    fn a_pair_below_the_least_score_is_not_linked_even_alone() {
        assert_eq!(assigned(&[(0, 0, MIN_SCORE / 2.0)]), (vec![], 0));
    }

    #[test]
    fn story_parts_run_from_the_front_part_through_its_continuations() {
        let edition = front_page_and_page_four();
        let ids = |id| {
            story_parts(&edition, id)
                .iter()
                .map(|part| part.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("1-2"), ["1-2", "4-4"]);
        assert_eq!(ids("4-4"), ["1-2", "4-4"]);
        assert_eq!(ids("4-2"), ["4-2"]);
        assert!(ids("9-9").is_empty());
    }

    #[test]
    fn stories_tell_every_article_once_in_the_order_of_their_front_parts() {
        let edition = front_page_and_page_four();
        let told: Vec<Vec<&str>> = stories(&edition)
            .iter()
            .map(|story| story.iter().map(|part| part.id.as_str()).collect())
            .collect();
        assert_eq!(
            told,
            [
                vec!["1-1", "4-3"],
                vec!["1-2", "4-4"],
                vec!["1-3", "4-1"],
                vec!["4-2"],
            ]
        );
    }

    #[test]
    fn story_parts_go_once_round_a_cycle() {
        let mut edition = front_page_and_page_four();
        let back = edition.pages[1]
            .articles
            .iter_mut()
            .find(|part| part.id == "4-4")
            .unwrap();
        back.jump_to = Some(Jump {
            page: 1,
            article: Some("1-2".to_owned()),
        });
        let front = edition.pages[0]
            .articles
            .iter_mut()
            .find(|part| part.id == "1-2")
            .unwrap();
        front.jump_from = Some(Jump {
            page: 4,
            article: Some("4-4".to_owned()),
        });

        let mut ids: Vec<_> = story_parts(&edition, "4-4")
            .iter()
            .map(|part| part.id.as_str())
            .collect();
        assert_eq!(ids.len(), 2);
        ids.sort_unstable();
        assert_eq!(ids, ["1-2", "4-4"]);
    }

    #[test]
    fn a_cut_sentence_is_told_from_a_finished_one() {
        assert!(ends_mid_sentence("首航当天装载集装箱一千二百标准箱，"));
        assert!(ends_mid_sentence("不仅输送“中国制造”"));
        assert!(!ends_mid_sentence("物流成本预计下降一成。"));
        assert!(!ends_mid_sentence("“现在一次就能办完。”"));
        assert!(starts_mid_sentence("，最快当天即可送达。"));
        assert!(starts_mid_sentence("的医生在互联网医院坐诊。"));
        assert!(!starts_mid_sentence("目前，市立医院已有四十多个科室。"));
    }

    #[test]
    fn terms_are_cjk_ngrams_and_whole_latin_words_and_numbers() {
        let word = |text: &str| {
            let mut hash = WordHash(WordHash::START);
            text.bytes().for_each(|byte| hash.push(byte));
            Term::word(hash.0)
        };
        let mut found = terms("中欧班列JQ 4.0版");
        found.sort_unstable();
        let mut expected = [
            Term::bigram('中', '欧'),
            Term::bigram('欧', '班'),
            Term::bigram('班', '列'),
            Term::trigram('中', '欧', '班'),
            Term::trigram('欧', '班', '列'),
            word("jq"),
            word("4.0"),
        ];
        expected.sort_unstable();
        assert_eq!(found, expected);
    }
}
