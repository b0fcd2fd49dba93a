/**
 * Where a line may break: ordinary spaces only. « 14 h 05 », « 80 % » and « : » hold together with
 * no-break spaces (U+00A0, U+202F), so a column must be as wide as the whole group.
 */
export const BREAKS = /[ \t\n\r]+/;

/**
 * Table column widths that fit the page, shared by the PDF and DOCX minutes. Each column
 * comes with the width its content needs on one line (`natural`) and the width of its
 * longest word (`least`). When everything fits on one line, the spare room goes to the
 * widest text column (the labels), so numbers stay compact; otherwise every column keeps at
 * least its longest word and the columns share the rest in proportion to what they would
 * need, so long labels wrap. Never wider than `available`.
 */
export function fitColumns(natural: readonly number[], least: readonly number[], available: number, numeric: readonly boolean[] = []): number[] {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  // A single word may not take more than a third of the page: it is broken instead.
  const floor = least.map((w, i) => Math.min(w, natural[i], available / 3));
  if (sum(natural) <= available) {
    const widths = [...natural];
    const text = natural.map((n, i) => (numeric[i] ? -1 : n));
    // A table of numbers only shares the spare room evenly.
    if (Math.max(...text) < 0) return widths.map((w) => w + (available - sum(natural)) / widths.length);
    widths[text.indexOf(Math.max(...text))] += available - sum(natural);
    return widths;
  }
  if (sum(floor) >= available) return floor.map((w) => (w / sum(floor)) * available);
  const spare = available - sum(floor);
  const wants = natural.map((n, i) => Math.max(0, n - floor[i]));
  return floor.map((w, i) => w + (wants[i] / Math.max(1, sum(wants))) * spare);
}
