import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { convertedHtmlToPlain, docxToSource, plainToSource, synthesisToSource } from './text-source';

/** mammoth's Node build: the same converter as the browser script the console loads. */
const convert = async (file: ArrayBuffer) => (await mammoth.convertToHtml({ buffer: Buffer.from(file) }, { ignoreEmptyParagraphs: true })).value;

/** A real DOCX file, as Word would save it, made by the `docx` package. */
async function docx(paragraphs: (string | string[])[]): Promise<ArrayBuffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map((p) =>
          typeof p === 'string'
            ? new Paragraph({ children: [new TextRun(p)] })
            : new Paragraph({ children: p.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) }),
        ),
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

describe('a DOCX file becomes the text to amend', () => {
  it('makes each Word paragraph a paragraph and each manual line break a line, keeping French typography', async () => {
    const file = await docx([
      'Feuille de route partagée — Occitanie 2022-2027',
      '',
      ['Axe 1\u00a0: l’attractivité des territoires\u202f;', '« Soutenir les tiers-lieux » ?'],
      'Axe 2 : la transition écologique !',
    ]);
    expect(await docxToSource(file, convert)).toEqual({
      source: 'Feuille de route partagée — Occitanie 2022-2027\n\nAxe 1\u00a0: l’attractivité des territoires\u202f;\n« Soutenir les tiers-lieux » ?\n\nAxe 2 : la transition écologique !',
    });
  });

  it('says a file that is not a DOCX cannot be read, and an empty one is empty', async () => {
    expect(await docxToSource(new TextEncoder().encode('pas un fichier Word').buffer as ArrayBuffer, convert)).toEqual({ problem: 'import.unreadable' });
    expect(await docxToSource(await docx(['', '   ']), convert)).toEqual({ problem: 'import.empty' });
  });
});

describe('plain text becomes the text to amend', () => {
  it('drops line-end spaces and extra blank lines, keeps non-breaking spaces inside lines', () => {
    expect(plainToSource('\r\n  Ligne 1 \t\r\nLigne\u00a02\u00a0:\n\n\n\nLigne 3\n\n')).toEqual({ source: '  Ligne 1\nLigne\u00a02\u00a0:\n\nLigne 3' });
  });

  it('refuses a text longer than a text may be', () => {
    expect(plainToSource('x'.repeat(250_001))).toEqual({ problem: 'import.tooLong' });
  });
});

describe('a working group’s synthesis becomes the text to amend', () => {
  const headings = { findings: 'Constats', proposals: 'Propositions', disagreements: 'Points de désaccord' };

  it('puts findings, one line per proposal and disagreements in paragraphs under their headings', () => {
    const synthesis = { findings: 'Les bourgs-centres se vident.\nLes services ferment.', proposals: ['Un guichet unique', ' Des tiers-lieux ruraux '], disagreements: 'Le rôle des intercommunalités.' };
    expect(synthesisToSource(synthesis, headings)).toEqual({
      source: 'Constats\nLes bourgs-centres se vident.\nLes services ferment.\n\nPropositions\n- Un guichet unique\n- Des tiers-lieux ruraux\n\nPoints de désaccord\nLe rôle des intercommunalités.',
    });
  });

  it('leaves out empty parts, and an empty synthesis gives nothing', () => {
    expect(synthesisToSource({ findings: ' ', proposals: ['Une seule idée'], disagreements: '' }, headings)).toEqual({ source: 'Propositions\n- Une seule idée' });
    expect(synthesisToSource({ findings: '', proposals: [], disagreements: '' }, headings)).toEqual({ problem: 'import.empty' });
  });
});

describe('the converter’s HTML becomes plain text', () => {
  it('ends a paragraph at each block, a line at each list item and manual break, and unescapes the text', () => {
    expect(convertedHtmlToPlain('<h1>Titre &amp; sous-titre</h1><p>a<br />b &lt;c&gt;</p><ul><li>un</li><li><strong>deux</strong></li></ul><table><tr><td>x</td><td>y</td></tr></table>')).toBe(
      'Titre & sous-titre\n\na\nb <c>\n\nun\ndeux\n\n\nx y \n\n\n',
    );
  });
});
