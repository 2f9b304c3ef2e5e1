//! What file and folder names tell: an edition's date (`20191019`), a page (`一版`, `第2版`,
//! `02版`, `A01`), and an article's page and place (`20191019-01-03.txt`, `01-03.txt`,
//! `一版/03-标题.md`).

use super::super::markers::parse_page_header;

/// An article file's page and place, read from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The page number.
    pub page: u32,
    /// The page folder's name as printed ("一版", "A01版"), when a folder names the page.
    pub page_folder: Option<String>,
    /// The article's place in the page's list, from 1.
    pub place: u32,
    /// The edition's date, "YYYY-MM-DD", when the name carries one.
    pub date: Option<String>,
    /// The title the name carries after the place (`03-标题.md`).
    pub title: Option<String>,
}

/// True when a file's name hides it: `.x`, and the `AppleDouble` `._x.txt` files macOS leaves
/// beside files copied to foreign disks.
pub fn is_hidden(name: &str) -> bool {
    components(name)
        .next_back()
        .is_some_and(|file| file.starts_with('.'))
}

/// The components of a slash-separated name.
pub fn components(name: &str) -> impl DoubleEndedIterator<Item = &str> {
    name.split(['/', '\\']).filter(|part| !part.is_empty())
}

/// The page and place in an article file's name: `YYYYMMDD-PP-AA.ext` or `PP-AA.ext`
/// anywhere, or `NN-<title>.ext` / `NN.ext` inside a folder named as a page.
pub fn article_place(name: &str) -> Option<Place> {
    let mut parts = components(name).rev();
    let file = parts.next()?;
    let folder = parts.next();
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let numbers: Vec<&str> = stem.split('-').collect();
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    match numbers.as_slice() {
        [date, page, place] if all_digits(page) && all_digits(place) && page.len() <= 3 => {
            let date = date_of(date)?;
            return Some(Place {
                page: page.parse().ok()?,
                page_folder: None,
                place: place.parse().ok()?,
                date: Some(date),
                title: None,
            });
        }
        [page, place]
            if all_digits(page) && all_digits(place) && page.len() <= 3 && place.len() <= 3 =>
        {
            return Some(Place {
                page: page.parse().ok()?,
                page_folder: None,
                place: place.parse().ok()?,
                date: None,
                title: None,
            });
        }
        _ => {}
    }
    let folder = folder?;
    let page = page_of_folder(folder)?;
    let (place, title) = match stem.split_once('-') {
        Some((place, title)) => (place, Some(title.trim()).filter(|t| !t.is_empty())),
        None => (stem, None),
    };
    if !all_digits(place) || place.len() > 4 {
        return None;
    }
    Some(Place {
        page,
        page_folder: Some(folder.to_owned()),
        place: place.parse().ok()?,
        date: None,
        title: title.map(str::to_owned),
    })
}

/// The page a folder's name gives: `一版`, `第2版`, `02版`, `A01版`, `A01`.
pub fn page_of_folder(name: &str) -> Option<u32> {
    if let Some(header) = parse_page_header(name)
        && header.section.is_none()
    {
        return Some(header.number);
    }
    // A letter for the section, then the page's digits: "A01".
    let mut chars = name.chars();
    let letter = chars.next()?;
    let digits = chars.as_str();
    (letter.is_ascii_uppercase()
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit()))
    .then(|| digits.parse().ok())
    .flatten()
}

/// The date a name made of `YYYYMMDD` or `YYYY-MM-DD` gives, as "YYYY-MM-DD", when it is a
/// real day.
pub fn date_of(name: &str) -> Option<String> {
    // Every name of an edition's files is tried: the test is made without an allocation.
    let bytes = name.as_bytes();
    let digits: [&[u8]; 3] = match bytes.len() {
        8 => [&bytes[..4], &bytes[4..6], &bytes[6..]],
        10 if bytes[4] == b'-' && bytes[7] == b'-' => [&bytes[..4], &bytes[5..7], &bytes[8..]],
        _ => return None,
    };
    if !digits
        .iter()
        .all(|part| part.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let [year, month, day] = digits
        .map(|part| (part.iter()).fold(0, |number, &digit| number * 10 + u32::from(digit - b'0')));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => return None,
    };
    ((1800..=2999).contains(&year) && (1..=days).contains(&day)).then(|| {
        // The parts are ASCII digits: written as they are, without the formatting machinery.
        let mut date = String::with_capacity(10);
        for (index, digits) in digits.into_iter().enumerate() {
            if index > 0 {
                date.push('-');
            }
            date.extend(digits.iter().map(|&digit| char::from(digit)));
        }
        date
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawl_names_carry_date_page_and_place() {
        let place = article_place("x/20191019/20191019-02-07.txt").unwrap();
        assert_eq!((place.page, place.place), (2, 7));
        assert_eq!(place.date.as_deref(), Some("2019-10-19"));
        assert_eq!(article_place("03-11.txt").unwrap().page, 3);
        assert_eq!(article_place("20191399-02-07.txt"), None);
    }

    #[test]
    fn page_folders_are_read_as_printed() {
        for (folder, page) in [
            ("一版", 1),
            ("第2版", 2),
            ("02版", 2),
            ("A01", 1),
            ("A12版", 12),
        ] {
            let place = article_place(&format!("{folder}/03-标题.md")).unwrap();
            assert_eq!((place.page, place.place), (page, 3), "{folder}");
            assert_eq!(place.title.as_deref(), Some("标题"));
        }
        assert_eq!(article_place("notes/03-标题.md"), None);
    }

    #[test]
    fn dates_are_real_days() {
        assert_eq!(date_of("20240229").as_deref(), Some("2024-02-29"));
        assert_eq!(date_of("2026-06-05").as_deref(), Some("2026-06-05"));
        assert_eq!(date_of("20230229"), None);
        assert_eq!(date_of("12345678"), None);
    }
}
