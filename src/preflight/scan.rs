//! Visiting everything nested inside an object, for the checks that look at every object of
//! the file (actions, RGB, prohibited keys). The visit uses an explicit stack and has no
//! depth limit: a limit that stops looking lets whatever lies below it pass — JavaScript at
//! the end of a `/Next` chain forty actions long, say. It needs no visited set either:
//! references are not followed (every object is visited from the document's own list), and
//! direct objects cannot form a loop.

use lopdf::{Dictionary, Object};

/// Calls `visit` on `o` and on every value nested inside it (array elements, dictionary
/// values, a stream's dictionary values), parents before children, in file order. `visit`
/// returns whether to look inside the value it was given.
pub fn nested<'a>(o: &'a Object, visit: &mut dyn FnMut(&'a Object) -> bool) {
    let mut stack: Vec<&'a Object> = vec![o];
    while let Some(o) = stack.pop() {
        if !visit(o) {
            continue;
        }
        let start = stack.len();
        match o {
            Object::Array(a) => stack.extend(a.iter()),
            Object::Dictionary(d) => stack.extend(d.iter().map(|(_, v)| v)),
            Object::Stream(s) => stack.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
        // The first child is visited first.
        stack[start..].reverse();
    }
}

/// Calls `visit` on every dictionary inside `o` (its own, a stream's, nested ones).
pub fn dictionaries<'a>(o: &'a Object, visit: &mut dyn FnMut(&'a Dictionary)) {
    nested(o, &mut |v| {
        match v {
            Object::Dictionary(d) => visit(d),
            Object::Stream(s) => visit(&s.dict),
            _ => {}
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn a_chain_deeper_than_any_recursion_limit_is_seen_to_its_end() {
        let mut action = dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("x") };
        for _ in 0..1000 {
            action = dictionary! { "S" => "GoTo", "Next" => action };
        }
        let o = Object::Dictionary(action);
        let mut found = 0;
        let mut count = 0;
        dictionaries(&o, &mut |d| {
            count += 1;
            if d.has(b"JS") {
                found += 1;
            }
        });
        assert_eq!((found, count), (1, 1001));
    }

    #[test]
    fn values_come_in_file_order() {
        let o = Object::Array(vec![
            1.into(),
            Object::Array(vec![2.into(), 3.into()]),
            4.into(),
        ]);
        let mut seen = Vec::new();
        nested(&o, &mut |v| {
            if let Ok(i) = v.as_i64() {
                seen.push(i);
            }
            true
        });
        assert_eq!(seen, [1, 2, 3, 4]);
    }
}
