/**
 * A text put to amendment (issue #22): numbered lines, as the assembly reads them. Pure, so the
 * server, the phone and the projector number the same text the same way.
 *
 * A line is one line of the source (Markdown or plain text, one sentence or clause a line is the
 * house style); blank lines separate paragraphs and are not numbered. Nothing is normalised inside a
 * line: apostrophes (’), non-breaking spaces before « ; : ! ? » and guillemets stay as typed.
 */

export interface TextLine {
  /** 1-based line number, as tabled. */
  n: number;
  /** 1-based paragraph number. */
  paragraph: number;
  text: string;
}

/** Spaces and tabs only: a non-breaking space (French typography) at a line's end is kept. */
const ASCII_EDGES = /^[ \t\r]+|[ \t\r]+$/g;

/** Strips ASCII spaces at both ends, never a non-breaking space. */
export function trimAscii(s: string): string {
  return s.replace(ASCII_EDGES, '');
}

/** Numbers the lines of a source text (blank lines end paragraphs). */
export function numberLines(source: string): TextLine[] {
  const lines: TextLine[] = [];
  let paragraph = 0;
  let inParagraph = false;
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const text = trimAscii(raw);
    if (text === '') {
      inParagraph = false;
      continue;
    }
    if (!inParagraph) {
      paragraph += 1;
      inParagraph = true;
    }
    lines.push({ n: lines.length + 1, paragraph, text });
  }
  return lines;
}

/** The lines of an amendment's proposed wording (blank lines dropped). */
export function wordingLines(wording: string): string[] {
  return wording
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(trimAscii)
    .filter((l) => l !== '');
}

/** The source text back from numbered lines (paragraphs separated by a blank line). */
export function joinLines(lines: readonly { text: string; paragraph: number }[]): string {
  let out = '';
  let last = -1;
  for (const l of lines) {
    if (out !== '') out += l.paragraph !== last ? '\n\n' : '\n';
    out += l.text;
    last = l.paragraph;
  }
  return out;
}
