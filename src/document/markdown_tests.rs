//! The Markdown walker on its own: blocks and notes for small bodies.

use super::*;

fn walk(body: &str) -> (Vec<Block>, Vec<Note>) {
    let style = HouseStyle::default();
    let (mut blocks, mut notes) = (Vec::new(), Vec::new());
    Walker::new(&style, "b".into(), body, &mut blocks, &mut notes).run();
    (blocks, notes)
}

fn text(b: &Block) -> String {
    b.runs.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn a_hard_break_starts_a_block_kept_with_the_line_before() {
    let (blocks, notes) = walk("Lindendreef 1\\\n2020 Antwerpen\n");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(blocks.len(), 2);
    assert_eq!(
        (text(&blocks[0]), text(&blocks[1])),
        ("Lindendreef 1".into(), "2020 Antwerpen".into())
    );
    assert!(blocks[0].keep_with_next);
    assert_eq!(blocks[1].space_before, 0.0);
    // The block starts at the break that opened it (a place search starts from there).
    assert_eq!(blocks[1].origin.as_ref().map(|o| o.at), Some(13));
}

#[test]
fn refused_constructs_are_noted_at_their_offset_and_skipped_whole() {
    let (blocks, notes) = walk("Een.\n\n> citaat\n> nog\n\nTwee <b>x</b>.\n");
    let found: Vec<(bool, usize)> = notes.iter().map(|n| (n.error, n.at)).collect();
    assert_eq!(found, [(true, 6), (true, 27)]);
    let texts: Vec<String> = blocks.iter().map(text).collect();
    assert_eq!(texts, ["Een.", "Twee x."]);
}

#[test]
fn a_table_becomes_one_block_with_a_bold_header() {
    let (blocks, _) = walk("| a | b |\n|---|---|\n| 1 | 2 |\n");
    let table = blocks[0].table.as_ref().unwrap();
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.iter().map(|x| x.text.clone()).collect())
                .collect()
        })
        .collect();
    assert_eq!(cells, [["a", "b"], ["1", "2"]]);
    assert!(table.rows[0][0].iter().all(|r| r.face == FaceId::Bold));
    assert!(table.rows[1][0].iter().all(|r| r.face == FaceId::Regular));
}

#[test]
fn an_unclosed_bold_mark_is_noted_where_typed() {
    let (_, notes) = walk("Dit is **belangrijk en zo.");
    assert_eq!(
        notes.iter().map(|n| n.at).collect::<Vec<_>>(),
        [7],
        "{notes:#?}"
    );
}

#[test]
fn a_second_paragraph_in_an_item_is_a_block_at_the_items_indent() {
    let (blocks, notes) = walk("- Eerste alinea.\n\n  Tweede.\n- Volgend.\n");
    assert!(notes.is_empty(), "{notes:?}");
    let texts: Vec<String> = blocks.iter().map(text).collect();
    assert_eq!(texts, ["Eerste alinea.", "Tweede.", "Volgend."]);
    assert_eq!(blocks[1].kind, BlockKind::Paragraph);
    assert_eq!(blocks[1].marker, None);
    assert_eq!(blocks[1].indent, blocks[0].indent);
    assert_eq!(blocks[1].space_before, blocks[2].space_before);
    assert_eq!(blocks[1].origin.as_ref().map(|o| o.at), Some(20));
}

#[test]
fn swallowed_backslashes_are_noted_once_per_word() {
    let (blocks, notes) = walk("Op \\\\server\\map\\_x en 5\\* en `a\\_b` en regel\\\nvolgende");
    assert_eq!(
        text(&blocks[0]),
        "Op \\server\\map_x en 5* en a\\_b en regel"
    );
    let at: Vec<usize> = notes.iter().map(|n| n.at).collect();
    assert_eq!(at, [3, 22], "{notes:#?}");
}
