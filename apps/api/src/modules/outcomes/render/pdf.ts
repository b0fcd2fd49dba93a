import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { OutcomeExport } from '@palabre/contracts';
import { BREAKS, fitColumns } from './layout';
import { buildMinutes, type Block, type ChartItem, type Minutes, type TableCell } from './minutes';

/**
 * DejaVu Sans (Debian package fonts-dejavu-core) covers French typography fully (œ, ’, « »,
 * the narrow no-break space U+202F). Without it we fall back to the PDF built-in Helvetica,
 * whose WinAnsi encoding has œ ’ « » but not U+202F: that one becomes a no-break space.
 */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FONT_DIR = process.env.PALABRE_PDF_FONT_DIR ?? DEJAVU;
const HAS_DEJAVU = existsSync(`${FONT_DIR}/DejaVuSans.ttf`) && existsSync(`${FONT_DIR}/DejaVuSans-Bold.ttf`);
// Read once: every document embeds a subset of the same two files.
const FONTS = HAS_DEJAVU ? { body: readFileSync(`${FONT_DIR}/DejaVuSans.ttf`), bold: readFileSync(`${FONT_DIR}/DejaVuSans-Bold.ttf`) } : null;

const ACCENT = '#1f3a5f';
const MUTED = '#5a6470';
/** Page margins (A4 portrait, 595 × 842 pt); nothing is drawn outside them but the page number. */
export const PDF_MARGIN = 56;
const MARGIN = PDF_MARGIN;
const FOOTER = 20;
const CELL_PAD = 4;
const TABLE_SIZE = 9;

type Pdf = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Pdf['struct']>;
/** Text the chosen font can draw (Helvetica lacks some of the characters DejaVu has). */
type Text = (text: string) => string;

/**
 * The minutes as a tagged PDF (PDF/UA-minded): a Document structure with H1–H3 headings,
 * paragraphs, tables with header cells, charts as Figures with alternative text; borders,
 * fills and page numbers are artifacts. Language fr-FR, title shown in the window bar.
 */
export function renderPdf(doc: OutcomeExport): Promise<Buffer> {
  return renderMinutesPdf(buildMinutes(doc), { title: `Compte rendu — ${doc.session.title}`, subject: 'Compte rendu de séance' });
}

/** Any document made of minutes blocks (the minutes, the follow-up report) as the same tagged PDF. */
export function renderMinutesPdf(minutes: Minutes, meta: { title: string; subject: string }): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: meta.title, Author: 'Palabre', Subject: meta.subject },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  if (FONTS) {
    pdf.registerFont('body', FONTS.body);
    pdf.registerFont('bold', FONTS.bold);
  } else {
    pdf.registerFont('body', 'Helvetica');
    pdf.registerFont('bold', 'Helvetica-Bold');
  }
  const fontSafe: Text = (text) => (FONTS ? text : winAnsiSafe(text));
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const width = pdf.page.width - 2 * MARGIN;

  tag(pdf, root, 'P', {}, () => pdf.font('body').fontSize(13).fillColor(MUTED).text(fontSafe(minutes.cover.kicker), MARGIN, 200, { width }));
  tag(pdf, root, 'H1', {}, () => pdf.moveDown(0.8).font('bold').fontSize(26).fillColor(ACCENT).text(fontSafe(minutes.cover.title), MARGIN, pdf.y, { width }));
  pdf.moveDown(1);
  for (const line of minutes.cover.lines) tag(pdf, root, 'P', {}, () => pdf.font('body').fontSize(12).fillColor('black').text(fontSafe(line), MARGIN, pdf.y, { width }).moveDown(0.3));
  pdf.addPage();
  for (const block of minutes.blocks) draw(pdf, root, block, fontSafe);
  root.end();

  // Page numbers, once every page exists: pagination artifacts, outside the structure.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // The folio sits in the bottom margin: lift the margin while writing it, or pdfkit starts a new page.
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('body').fontSize(8).fillColor(MUTED).text(`${i + 1} / ${range.count}`, MARGIN, pdf.page.height - MARGIN + 6, { width, align: 'right', lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = margin;
  }
  pdf.end();
  return done;
}

/** A structure element under `parent` whose content is what `drawContent` draws. */
function tag(pdf: Pdf, parent: Struct, type: string, options: { alt?: string; scope?: 'Row' | 'Column' | 'Both' }, drawContent?: () => void): Struct {
  const el = pdf.struct(type as Parameters<Pdf['struct']>[0], options);
  parent.add(el);
  if (drawContent) el.add(drawContent);
  el.end();
  return el;
}

/** Decoration (fills, borders, bars already described by alternative text): no structure. */
function artifact(pdf: Pdf, paint: () => void): void {
  pdf.markContent('Artifact');
  paint();
  pdf.endMarkedContent();
}

function bottom(pdf: Pdf): number {
  return pdf.page.height - MARGIN - FOOTER;
}

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

function draw(pdf: Pdf, root: Struct, block: Block, fontSafe: Text): void {
  const width = pdf.page.width - 2 * MARGIN;
  switch (block.type) {
    case 'heading': {
      const size = block.level === 1 ? 17 : block.level === 2 ? 14 : 11.5;
      ensureRoom(pdf, size * 5);
      pdf.moveDown(block.level === 3 ? 0.4 : 0.8);
      tag(pdf, root, `H${block.level}`, {}, () => pdf.font('bold').fontSize(size).fillColor(ACCENT).text(fontSafe(block.text), MARGIN, pdf.y, { width }));
      pdf.moveDown(0.3);
      return;
    }
    case 'paragraph':
      ensureRoom(pdf, 14);
      tag(pdf, root, 'P', {}, () => pdf.font('body').fontSize(10).fillColor(block.muted ? MUTED : 'black').text(fontSafe(block.text), MARGIN, pdf.y, { width }));
      pdf.moveDown(0.4);
      return;
    case 'pagebreak':
      pdf.addPage();
      return;
    case 'chart':
      chart(pdf, root, block.items, block.max, block.caption, block.alt, fontSafe);
      return;
    case 'legend':
      legend(pdf, root, block.items, block.caption, fontSafe);
      return;
    case 'table':
      table(pdf, root, block.columns.map(fontSafe), block.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? fontSafe(cell) : cell))), block.numeric ?? []);
  }
}

const PROFILE_WIDTH = 150;
const PROFILE_MIN = 90;

/** Measures each column (one line, longest word) in the table font; `fitColumns` shares the page. */
function columnWidths(pdf: Pdf, columns: string[], rows: TableCell[][], available: number, numeric: boolean[]): number[] {
  const natural: number[] = [];
  const least: number[] = [];
  columns.forEach((header, column) => {
    if (rows.some((row) => typeof row[column] === 'object')) {
      natural.push(PROFILE_WIDTH);
      least.push(PROFILE_MIN);
      return;
    }
    const texts: [string, string][] = [[header, 'bold'], ...rows.map((row): [string, string] => [typeof row[column] === 'string' ? (row[column] as string) : '', 'body'])];
    let line = 0;
    let word = 0;
    for (const [text, font] of texts) {
      pdf.font(font).fontSize(TABLE_SIZE);
      line = Math.max(line, pdf.widthOfString(text));
      for (const part of text.split(BREAKS)) if (part) word = Math.max(word, pdf.widthOfString(part));
    }
    natural.push(line + 2 * CELL_PAD + 1);
    least.push(word + 2 * CELL_PAD + 1);
  });
  return fitColumns(natural, least, available, numeric);
}

function table(pdf: Pdf, root: Struct, columns: string[], rows: TableCell[][], numeric: boolean[]): void {
  const width = pdf.page.width - 2 * MARGIN;
  const widths = columnWidths(pdf, columns, rows, width, numeric);
  const el = pdf.struct('Table');
  root.add(el);
  const rowHeight = (cells: TableCell[], font: string) => {
    pdf.font(font).fontSize(TABLE_SIZE);
    return Math.max(14, ...cells.map((cell, column) => (typeof cell === 'string' ? pdf.heightOfString(cell || ' ', { width: widths[column] - 2 * CELL_PAD }) : 10))) + 2 * CELL_PAD;
  };
  const drawRow = (cells: TableCell[], header: boolean) => {
    const font = header ? 'bold' : 'body';
    const h = rowHeight(cells, font);
    if (pdf.y + h > bottom(pdf)) {
      pdf.addPage();
      // The header row repeats on every page the table spans (as a drawing: it is tagged once).
      if (!header) paintRow(columns, true, rowHeight(columns, 'bold'), null);
    }
    paintRow(cells, header, h, pdf.struct('TR'));
  };
  const paintRow = (cells: TableCell[], header: boolean, h: number, tr: Struct | null) => {
    const y = pdf.y;
    artifact(pdf, () => {
      if (header) pdf.rect(MARGIN, y, width, h).fill('#e8eef5');
      pdf.lineWidth(0.5).strokeColor('#c8d0da');
      let bx = MARGIN;
      for (const w of widths) {
        pdf.rect(bx, y, w, h).stroke();
        bx += w;
      }
    });
    if (tr) el.add(tr);
    let x = MARGIN;
    cells.forEach((cell, column) => {
      const cx = x;
      const paint = () => {
        if (typeof cell === 'string') {
          pdf.font(header ? 'bold' : 'body').fontSize(TABLE_SIZE).fillColor('black').text(cell, cx + CELL_PAD, y + CELL_PAD, { width: widths[column] - 2 * CELL_PAD, align: numeric[column] && !header ? 'right' : 'left' });
        } else profileBar(pdf, cell.segments, cell.total, cell.colours, cx + CELL_PAD, y + (h - 10) / 2, widths[column] - 2 * CELL_PAD);
      };
      if (!tr) artifact(pdf, paint);
      else if (typeof cell === 'string') tag(pdf, tr, header ? 'TH' : 'TD', header ? { scope: 'Column' } : {}, paint);
      else {
        tag(pdf, tr, 'TD', { alt: cell.text });
        artifact(pdf, paint);
      }
      x += widths[column];
    });
    tr?.end();
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  drawRow(columns, true);
  for (const row of rows) drawRow(columns.map((_, column) => row[column] ?? ''), false);
  el.end();
  pdf.moveDown(0.6);
}

/** One stacked bar: each grade's share of the ballots, best first, in its colour. */
function profileBar(pdf: Pdf, segments: number[], total: number, colours: readonly string[], x: number, y: number, w: number): void {
  let at = x;
  pdf.lineWidth(0.5).strokeColor('#c8d0da').rect(x, y, w, 10).stroke();
  segments.forEach((segment, grade) => {
    const sw = total > 0 ? (segment / total) * w : 0;
    if (sw > 0) pdf.rect(at, y, sw, 10).fill(colours[grade]);
    at += sw;
  });
  // The median: the majority grade is the one under this line.
  if (total > 0) pdf.lineWidth(1).strokeColor('black').moveTo(x + w / 2, y - 2).lineTo(x + w / 2, y + 12).stroke();
}

/** A bar chart: labels wrap on the left, bars scaled to `max`, values after the bars, the method named under it. */
function chart(pdf: Pdf, root: Struct, items: ChartItem[], max: number, caption: string, alt: string, fontSafe: Text): void {
  const width = pdf.page.width - 2 * MARGIN;
  const labelWidth = Math.round(width * 0.4);
  pdf.font('body').fontSize(8);
  const valueWidth = Math.max(...items.map((item) => pdf.widthOfString(item.text))) + 6;
  const barMax = width - labelWidth - valueWidth - 6;
  const heights = items.map((item) => Math.max(10, pdf.heightOfString(fontSafe(item.label), { width: labelWidth - 6 })) + 3);
  ensureRoom(pdf, Math.min(heights.reduce((sum, height) => sum + height, 0), 200) + 30);
  tag(pdf, root, 'Figure', { alt: fontSafe(alt) }, () => {
    items.forEach((item, n) => {
      if (pdf.y + heights[n] > bottom(pdf)) pdf.addPage();
      const y = pdf.y;
      const bar = Math.max(0, Math.min(1, item.value / Math.max(1, max))) * barMax;
      pdf.font('body').fontSize(8).fillColor('black').text(fontSafe(item.label), MARGIN, y, { width: labelWidth - 6 });
      if (bar > 0) pdf.rect(MARGIN + labelWidth, y + 1, bar, 8).fill(ACCENT);
      pdf.fillColor('black').text(item.text, MARGIN + labelWidth + bar + 4, y, { width: valueWidth, lineBreak: false });
      pdf.x = MARGIN;
      pdf.y = y + heights[n];
    });
  });
  pdf.moveDown(0.3);
  tag(pdf, root, 'P', {}, () => pdf.font('body').fontSize(8).fillColor(MUTED).text(fontSafe(caption), MARGIN, pdf.y, { width }));
  pdf.moveDown(0.8);
}

/** The colours of a merit profile's grades, then the method named under the table. */
function legend(pdf: Pdf, root: Struct, items: { label: string; colour: string }[], caption: string, fontSafe: Text): void {
  const width = pdf.page.width - 2 * MARGIN;
  ensureRoom(pdf, 40);
  pdf.font('body').fontSize(8);
  let x = MARGIN;
  let y = pdf.y;
  const list = pdf.struct('L');
  root.add(list);
  for (const item of items) {
    const w = 12 + pdf.widthOfString(fontSafe(item.label)) + 12;
    if (x + w > MARGIN + width) {
      x = MARGIN;
      y += 12;
    }
    const at = { x, y };
    artifact(pdf, () => pdf.rect(at.x, at.y + 1, 8, 8).fill(item.colour));
    tag(pdf, list, 'LI', {}, () => pdf.fillColor('black').text(fontSafe(item.label), at.x + 11, at.y, { lineBreak: false }));
    x += w;
  }
  list.end();
  pdf.x = MARGIN;
  pdf.y = y + 14;
  tag(pdf, root, 'P', {}, () => pdf.font('body').fontSize(8).fillColor(MUTED).text(fontSafe(caption), MARGIN, pdf.y, { width }));
  pdf.moveDown(0.8);
}

/** Characters Helvetica (WinAnsi) lacks, replaced by their nearest WinAnsi neighbour. */
export function winAnsiSafe(text: string): string {
  return text.replace(/[\u202f\u2009\u2007]/g, '\u00a0').replace(/[\u2010\u2011]/g, '-').replace(/\u2192/g, '->').replace(/\u2588/g, '#');
}

export const PDF_FONT = HAS_DEJAVU ? 'DejaVu Sans' : 'Helvetica';
