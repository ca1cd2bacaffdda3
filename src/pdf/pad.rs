//! Page counts for the print shop. A folded or saddle-stitched leaflet is printed on
//! sheets of four pages; a shop that receives five pages adds three blanks where it sees
//! fit, or rejects the job. Padding here decides where the extra pages go (at the end) and
//! what is on them, and the build says so.

use crate::layout::Page;

/// What fills the pages added to reach the multiple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Padding {
    /// Empty pages.
    Blank,
    /// Lined "Notities" pages with the leaflet's footer.
    Notes,
}

/// The house style's page-count rule for print output: `pad_pages: 4` with
/// `padding: notities | blank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageCount {
    /// Pages come in multiples of this (4 for folded sheets).
    pub multiple: usize,
    pub padding: Padding,
}

/// The leaflet's pages, padded, and the warning that says what was added (`None` when the
/// count was already right).
pub struct Padded {
    pub pages: Vec<Page>,
    pub added: usize,
    pub warning: Option<String>,
}

/// Pads `pages` to the multiple; `notes` is the notes page (from
/// [`crate::layout::Typesetter::notes_page`]) used when the padding is [`Padding::Notes`].
pub fn pad(pages: &[Page], count: PageCount, notes: &Page) -> Padded {
    let n = pages.len();
    let multiple = count.multiple.max(1);
    let target = n.div_ceil(multiple).max(1) * multiple;
    let added = target - n;
    let mut out = pages.to_vec();
    let blank = Page {
        width: notes.width,
        height: notes.height,
        items: Vec::new(),
        tags: Vec::new(),
    };
    for _ in 0..added {
        out.push(match count.padding {
            Padding::Notes => notes.clone(),
            Padding::Blank => blank.clone(),
        });
    }
    let what = match count.padding {
        Padding::Notes => "lined “Notities” page",
        Padding::Blank => "blank page",
    };
    let warning = (added > 0).then(|| {
        format!(
            "{n} page{} padded to {target} for the print shop with {added} {what}{} at the end (house style: pages in multiples of {multiple})",
            if n == 1 { "" } else { "s" },
            if added == 1 { "" } else { "s" }
        )
    });
    Padded {
        pages: out,
        added,
        warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(marker: f32) -> Page {
        Page {
            width: 420.0,
            height: marker,
            items: Vec::new(),
            tags: Vec::new(),
        }
    }

    #[test]
    fn five_pages_become_eight_and_the_build_says_so() {
        let pages: Vec<Page> = (1..=5).map(|i| page(i as f32)).collect();
        let notes = page(99.0);
        let count = PageCount {
            multiple: 4,
            padding: Padding::Notes,
        };
        let padded = pad(&pages, count, &notes);
        assert_eq!(padded.added, 3);
        let heights: Vec<f32> = padded.pages.iter().map(|p| p.height).collect();
        assert_eq!(heights, [1.0, 2.0, 3.0, 4.0, 5.0, 99.0, 99.0, 99.0]);
        assert_eq!(
            padded.warning.as_deref(),
            Some(
                "5 pages padded to 8 for the print shop with 3 lined “Notities” pages at the end (house style: pages in multiples of 4)"
            )
        );
        let blank = pad(
            &pages[..3],
            PageCount {
                multiple: 4,
                padding: Padding::Blank,
            },
            &notes,
        );
        assert_eq!(blank.pages.len(), 4);
        assert!(blank.pages[3].items.is_empty());
        assert_eq!(blank.pages[3].height, 99.0);
        assert_eq!(
            blank.warning.as_deref(),
            Some(
                "3 pages padded to 4 for the print shop with 1 blank page at the end (house style: pages in multiples of 4)"
            )
        );
        assert!(pad(&pages[..4], count, &notes).warning.is_none());
    }
}
