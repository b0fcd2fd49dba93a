import type { SynthesisContent } from '@palabre/contracts';
import { AMENDMENT_LIMITS } from '@palabre/contracts';

/**
 * Turning an existing document into a text's source (one line a line, paragraphs separated by a
 * blank line: the `source` of `amendments.text.set`). Pure, so the console and the tests share it.
 */

/** Why an import gave nothing usable (an i18n key of the `amendments` namespace). */
export type ImportProblem = 'import.empty' | 'import.tooLong' | 'import.unreadable';

export type ImportResult = { source: string } | { problem: ImportProblem };

/**
 * Plain text as a converter gives it (a paragraph per line or per double line break) into the
 * text's source. Line-end spaces and tabs go, runs of blank lines become one; every other
 * character stays as typed, so French typography (’, « », the non-breaking spaces before ; : ! ?)
 * is kept.
 */
export function plainToSource(raw: string): ImportResult {
  const source = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  if (source.trim() === '') return { problem: 'import.empty' };
  if (source.length > AMENDMENT_LIMITS.sourceMax) return { problem: 'import.tooLong' };
  return { source };
}

/** The headings of a synthesis turned into a text, in the console's language. */
export interface SynthesisHeadings {
  findings: string;
  proposals: string;
  disagreements: string;
}

/**
 * A working group's synthesis as a text to amend: its findings, its proposals (one line each,
 * so each can be amended on its own) and its points of disagreement, each part a paragraph under
 * its heading; empty parts are left out.
 */
export function synthesisToSource(synthesis: SynthesisContent, headings: SynthesisHeadings): ImportResult {
  const parts: string[] = [];
  if (synthesis.findings.trim()) parts.push(`${headings.findings}\n${synthesis.findings.trim()}`);
  if (synthesis.proposals.length > 0) parts.push(`${headings.proposals}\n${synthesis.proposals.map((p) => `- ${p.trim()}`).join('\n')}`);
  if (synthesis.disagreements.trim()) parts.push(`${headings.disagreements}\n${synthesis.disagreements.trim()}`);
  return plainToSource(parts.join('\n\n'));
}

/**
 * mammoth's HTML (paragraphs, headings, lists, tables, manual line breaks; text escaped with
 * &amp; &lt; &gt;) into plain text: a block ends a paragraph, a list item or a table row a line,
 * a manual line break a line. Images and formatting are dropped.
 */
export function convertedHtmlToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(li|tr)>/g, '\n')
    .replace(/<\/(td|th)>/g, ' ')
    .replace(/<\/(p|h[1-6]|ul|ol|table|blockquote)>/g, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** A DOCX-to-HTML converter: mammoth's `convertToHtml`, from its browser script or its Node module. */
export type DocxConverter = (file: ArrayBuffer) => Promise<string>;

/**
 * A DOCX file's text through mammoth (a maintained converter): each Word paragraph becomes a
 * paragraph of the text, its manual line breaks (Maj+Entrée) and list items its lines; empty
 * paragraphs are dropped. A file the converter cannot open is `import.unreadable`.
 */
export async function docxToSource(file: ArrayBuffer, convert: DocxConverter): Promise<ImportResult> {
  let html: string;
  try {
    html = await convert(file);
  } catch {
    return { problem: 'import.unreadable' };
  }
  return plainToSource(convertedHtmlToPlain(html));
}
