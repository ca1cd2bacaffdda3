//! Page geometry for the content walker: PDF's affine matrices and bounding boxes.

/// A 2-D affine matrix `[a b c d e f]`, as PDF writes it (row vectors: p' = p × M).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    pub fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self` applied first, then `then`.
    pub fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// The least a unit length grows in any direction (the smaller singular value of the
    /// linear part): a line scaled by 10 one way and 0.01 the other prints 0.01 thick
    /// where it runs along the long axis, however large √|det| is.
    pub fn min_scale(&self) -> f32 {
        let [a, b, c, d, ..] = self.0;
        let (a, b, c, d) = (f64::from(a), f64::from(b), f64::from(c), f64::from(d));
        let sum = a * a + b * b + c * c + d * d;
        let det = a * d - b * c;
        let root = (sum * sum - 4.0 * det * det).max(0.0).sqrt();
        (((sum - root) / 2.0).max(0.0).sqrt()) as f32
    }

    /// How much a vertical unit grows: a type size is measured vertically.
    pub fn vertical_scale(&self) -> f32 {
        let [_, _, c, d, ..] = self.0;
        (c * c + d * d).sqrt()
    }
}

pub fn bbox_of(points: &[(f32, f32)]) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for &(x, y) in points {
        b[0] = b[0].min(x);
        b[1] = b[1].min(y);
        b[2] = b[2].max(x);
        b[3] = b[3].max(y);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        // Scale by 2, then move by (10, 0): the point (1, 1) lands on (12, 2).
        let m = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]).then(&Matrix::translate(10.0, 0.0));
        assert_eq!(m.apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(m.min_scale(), 2.0);
    }

    #[test]
    fn the_thinnest_direction_sets_a_line_width() {
        // √det is 0.32 here, but along x the line is drawn 0.01 thick.
        let m = Matrix([10.0, 0.0, 0.0, 0.01, 100.0, 300.0]);
        assert!((m.min_scale() - 0.01).abs() < 1e-6, "{}", m.min_scale());
        // A rotation changes nothing; a uniform scale is its own singular value.
        let r = Matrix([0.0, 2.0, -2.0, 0.0, 0.0, 0.0]);
        assert!((r.min_scale() - 2.0).abs() < 1e-6);
        let skew = Matrix([1.0, 0.0, 3.0, 1.0, 0.0, 0.0]);
        assert!(skew.min_scale() < 0.31 && skew.min_scale() > 0.29);
    }
}
