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
  const sum = (widths: readonly number[]) => widths.reduce((total, width) => total + width, 0);
  // A single word may not take more than a third of the page: it is broken instead.
  const floor = least.map((width, column) => Math.min(width, natural[column], available / 3));
  if (sum(natural) <= available) {
    const widths = [...natural];
    const text = natural.map((width, column) => (numeric[column] ? -1 : width));
    // A table of numbers only shares the spare room evenly.
    if (Math.max(...text) < 0) return widths.map((width) => width + (available - sum(natural)) / widths.length);
    widths[text.indexOf(Math.max(...text))] += available - sum(natural);
    return widths;
  }
  if (sum(floor) >= available) return floor.map((width) => (width / sum(floor)) * available);
  const spare = available - sum(floor);
  const wants = natural.map((width, column) => Math.max(0, width - floor[column]));
  return floor.map((width, column) => width + (wants[column] / Math.max(1, sum(wants))) * spare);
}
