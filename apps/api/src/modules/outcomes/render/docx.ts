import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import type { OutcomeExport } from '@palabre/contracts';
import { BREAKS, fitColumns } from './layout';
import { buildMinutes, type Block, type ChartItem, type Minutes, type TableCell as Cell } from './minutes';

const MUTED = '5A6470';
const ACCENT = '1F3A5F';
const LANG = { value: 'fr-FR' };
/** A4 portrait with Word's default 2.54 cm margins: 11 906 − 2 × 1 440 twips of text width. */
const TEXT_WIDTH = 11906 - 2 * 1440;
/** A rough width of one character of the 10 pt table text, in twips, to share the columns. */
const CHAR = 105;
const BOLD = 1.2;
const PAD = 3;
const BAR_CHARS = 40;
const PROFILE_CHARS = 20;

/**
 * The minutes (compte rendu) as a Word document: A4 portrait, French as the document
 * language, headings with Word's own Heading 1–3 styles (so the navigation pane and a
 * screen reader list them), tables with a repeated header row and fixed column widths.
 */
export function renderDocx(doc: OutcomeExport): Promise<Buffer> {
  return renderMinutesDocx(buildMinutes(doc), { title: `Compte rendu — ${doc.session.title}`, subject: 'Compte rendu de séance' });
}

/** Any document made of minutes blocks (the minutes, the follow-up report) as the same Word layout. */
export async function renderMinutesDocx(minutes: Minutes, meta: { title: string; subject: string }): Promise<Buffer> {
  const cover = [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: minutes.cover.kicker, color: MUTED, size: 26 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 400 }, children: [new TextRun({ text: minutes.cover.title })] }),
    ...minutes.cover.lines.map((line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: line, size: 24 })] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body = minutes.blocks.flatMap(toDocx);
  const heading = (size: number) => ({ run: { bold: true, size, color: ACCENT, font: 'Calibri' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });
  const document = new Document({
    creator: 'Palabre',
    title: meta.title,
    subject: meta.subject,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: LANG } },
        title: { run: { bold: true, size: 48, color: ACCENT, font: 'Calibri' } },
        heading1: heading(32),
        heading2: heading(28),
        heading3: heading(23),
      },
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children: [...cover, ...body] }],
  });
  return Packer.toBuffer(document);
}

function toDocx(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading': {
      const heading = block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return [new Paragraph({ heading, children: [new TextRun({ text: block.text })] })];
    }
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text, color: block.muted ? MUTED : undefined, italics: block.muted })] })];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'chart':
      return [chart(block.items, block.max), caption(block.caption)];
    case 'legend':
      return [
        new Paragraph({ spacing: { before: 60 }, children: block.items.flatMap((item) => [new TextRun({ text: '■ ', color: item.colour.replace('#', ''), size: 18 }), new TextRun({ text: `${item.label}    `, size: 18 })]) }),
        caption(block.caption),
      ];
    case 'table':
      return [table(block.columns, block.rows, block.numeric), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
}

function caption(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60, after: 200 }, children: [new TextRun({ text, color: MUTED, italics: true, size: 18 })] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'C8D0DA' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Bars of full blocks scaled to the chart's maximum; Word has no native chart in this library. */
function chart(items: ChartItem[], max: number): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.4), Math.round(TEXT_WIDTH * 0.48), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.4) - Math.round(TEXT_WIDTH * 0.48)];
  const cell = (children: TextRun[], width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none }, children: [new Paragraph({ alignment: align, children })] });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: items.map(
      (item) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([new TextRun({ text: item.label, size: 18 })], widths[0]),
            cell([new TextRun({ text: '█'.repeat(Math.round(Math.max(0, Math.min(1, item.value / Math.max(1, max))) * BAR_CHARS)), color: ACCENT, size: 14 })], widths[1]),
            cell([new TextRun({ text: item.text, size: 18 })], widths[2], AlignmentType.RIGHT),
          ],
        }),
    ),
  });
}

/** Column widths from the text lengths (Word wraps inside them), shared as in the PDF. */
function widthsOf(columns: string[], rows: Cell[][], numeric: boolean[]): number[] {
  const natural: number[] = [];
  const least: number[] = [];
  columns.forEach((header, column) => {
    if (rows.some((row) => typeof row[column] === 'object')) {
      natural.push((PROFILE_CHARS + 2) * CHAR);
      least.push((PROFILE_CHARS + 2) * CHAR);
      return;
    }
    const cells = rows.map((row) => (typeof row[column] === 'string' ? (row[column] as string) : ''));
    // Headers are bold (about a fifth wider); PAD covers the cell's own margins, so that no word of
    // a header (« Nombre », « Rang ») is split over two lines in Word or LibreOffice.
    const longest = (texts: string[], split: boolean) => Math.max(0, ...texts.flatMap((text) => (split ? text.split(BREAKS) : [text]).map((word) => word.length)));
    natural.push((Math.max(longest([header], false) * BOLD, longest(cells, false)) + PAD) * CHAR);
    least.push((Math.max(longest([header], true) * BOLD, longest(cells, true)) + PAD) * CHAR);
  });
  return fitColumns(natural, least, TEXT_WIDTH, numeric).map(Math.floor);
}

function table(columns: string[], rows: Cell[][], numeric: boolean[] = []): Table {
  const widths = widthsOf(columns, rows, numeric);
  const cell = (value: Cell, column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column], type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, fill: 'E8EEF5', color: 'auto' } : undefined,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: numeric[column] && !header ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: typeof value === 'string' ? [new TextRun({ text: value, bold: header, size: 20 })] : profileRuns(value.segments, value.total, value.colours),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((title, column) => cell(title, column, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: columns.map((_, column) => cell(row[column] ?? '', column, false)) })),
    ],
  });
}

/** A merit profile as coloured blocks, each grade as many blocks as its share of the ballots. */
function profileRuns(segments: number[], total: number, colours: readonly string[]): TextRun[] {
  // Largest remainders, so the blocks always add up to the full bar.
  const exact = segments.map((segment) => (total > 0 ? (segment / total) * PROFILE_CHARS : 0));
  const blocks = exact.map(Math.floor);
  const left = total > 0 ? PROFILE_CHARS - blocks.reduce((sum, count) => sum + count, 0) : 0;
  [...exact.keys()].sort((a, b) => exact[b] - blocks[b] - (exact[a] - blocks[a])).slice(0, left).forEach((grade) => (blocks[grade] += 1));
  return total === 0
    ? [new TextRun({ text: '—', size: 20 })]
    : segments.flatMap((_, grade) => (blocks[grade] > 0 ? [new TextRun({ text: '█'.repeat(blocks[grade]), color: colours[grade].replace('#', ''), size: 16 })] : []));
}
