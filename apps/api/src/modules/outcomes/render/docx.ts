import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { OutcomeExport } from '@palabre/contracts';
import { buildMinutes, type Block } from './minutes';

const MUTED = '5A6470';
const ACCENT = '1F3A5F';

/** The minutes (compte rendu) as a Word document: cover page, then the blocks in order. */
export async function renderDocx(doc: OutcomeExport): Promise<Buffer> {
  const minutes = buildMinutes(doc);
  const cover = [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: minutes.cover.kicker, color: MUTED, size: 26 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 400 }, children: [new TextRun({ text: minutes.cover.title, bold: true, size: 48, color: ACCENT })] }),
    ...minutes.cover.lines.map((line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: line, size: 24 })] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = minutes.blocks.flatMap(toDocx);
  const document = new Document({
    creator: 'Palabre',
    title: `Compte rendu — ${doc.session.title}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: [...cover, ...body] }],
  });
  return Packer.toBuffer(document);
}

function toDocx(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading': {
      const heading = block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [new Paragraph({ heading, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: block.text })] })];
    }
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text, color: block.muted ? MUTED : undefined, italics: block.muted })] })];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'bars': {
      // A text bar chart: Word has no native chart in this library; bars of █ scale to the largest value.
      const max = Math.max(1, ...block.items.map((i) => i.value));
      return block.items.map(
        (i) => new Paragraph({ children: [new TextRun({ text: `${i.label}  `, size: 18 }), new TextRun({ text: '█'.repeat(Math.max(0, Math.round((i.value / max) * 30))), color: ACCENT, size: 18 })] }),
      );
    }
    case 'table':
      return [table(block.columns, block.rows, block.numeric), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
}

function table(columns: string[], rows: string[][], numeric: boolean[] = []): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'C8D0DA' };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF5', color: 'auto' } : undefined,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ alignment: numeric[i] && !header ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 20 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c, i, true)) }),
      ...rows.map((r) => new TableRow({ children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}
