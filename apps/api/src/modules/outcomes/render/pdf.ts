import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { OutcomeExport } from '@palabre/contracts';
import { buildMinutes, type Block } from './minutes';

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
const MARGIN = 56;

type Pdf = InstanceType<typeof PDFDocument>;

export function renderPdf(doc: OutcomeExport): Promise<Buffer> {
  const minutes = buildMinutes(doc);
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, lang: 'fr-FR', info: { Title: `Compte rendu — ${doc.session.title}`, Author: 'Palabre' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
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
  const t = (s: string) => (FONTS ? s : winAnsiSafe(s));

  pdf.font('body').fontSize(13).fillColor(MUTED).text(t(minutes.cover.kicker), MARGIN, 200);
  pdf.moveDown(0.8).font('bold').fontSize(26).fillColor(ACCENT).text(t(minutes.cover.title));
  pdf.moveDown(1).font('body').fontSize(12).fillColor('black');
  for (const line of minutes.cover.lines) pdf.text(t(line)).moveDown(0.3);
  pdf.addPage();
  for (const block of minutes.blocks) draw(pdf, block, t);

  // Page numbers, once every page exists.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.font('body').fontSize(8).fillColor(MUTED).text(`${i + 1} / ${range.count}`, MARGIN, pdf.page.height - 40, { width: pdf.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
  }
  pdf.end();
  return done;
}

function draw(pdf: Pdf, block: Block, t: (s: string) => string): void {
  const width = pdf.page.width - 2 * MARGIN;
  switch (block.type) {
    case 'heading': {
      const size = block.level === 1 ? 17 : block.level === 2 ? 14 : 11.5;
      ensureRoom(pdf, size * 4);
      pdf.moveDown(block.level === 3 ? 0.4 : 0.8).font('bold').fontSize(size).fillColor(ACCENT).text(t(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.3);
      return;
    }
    case 'paragraph':
      pdf.font('body').fontSize(10).fillColor(block.muted ? MUTED : 'black').text(t(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.4);
      return;
    case 'pagebreak':
      pdf.addPage();
      return;
    case 'bars':
      bars(pdf, block.items, t);
      return;
    case 'table':
      table(pdf, block.columns.map(t), block.rows.map((r) => r.map(t)), block.numeric ?? []);
  }
}

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - MARGIN - 20) pdf.addPage();
}

function table(pdf: Pdf, columns: string[], rows: string[][], numeric: boolean[]): void {
  const width = pdf.page.width - 2 * MARGIN;
  // The first column (labels, idea texts) gets the room it needs; numbers stay narrow.
  const narrow = columns.map((_, i) => i > 0 && (numeric[i] ?? false));
  const narrowWidth = 82;
  const wide = columns.length - narrow.filter(Boolean).length;
  const wideWidth = (width - narrow.filter(Boolean).length * narrowWidth) / Math.max(1, wide);
  const widths = narrow.map((n) => (n ? narrowWidth : wideWidth));
  const pad = 4;
  const rowHeight = (cells: string[], font: string) => {
    pdf.font(font).fontSize(9);
    return Math.max(...cells.map((c, i) => pdf.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], header: boolean) => {
    const font = header ? 'bold' : 'body';
    const h = rowHeight(cells, font);
    if (pdf.y + h > pdf.page.height - MARGIN - 20) {
      pdf.addPage();
      if (!header) drawRow(columns, true);
    }
    const y = pdf.y;
    let x = MARGIN;
    if (header) pdf.rect(MARGIN, y, width, h).fill('#e8eef5');
    pdf.lineWidth(0.5).strokeColor('#c8d0da');
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i], h).stroke();
      pdf.font(font).fontSize(9).fillColor('black').text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: numeric[i] && !header ? 'right' : 'left' });
      x += widths[i];
    });
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  drawRow(columns, true);
  for (const r of rows) drawRow(columns.map((_, i) => r[i] ?? ''), false);
  pdf.moveDown(0.6);
}

function bars(pdf: Pdf, items: { label: string; value: number }[], t: (s: string) => string): void {
  const max = Math.max(1, ...items.map((i) => i.value));
  const labelWidth = 180;
  const barMax = pdf.page.width - 2 * MARGIN - labelWidth - 50;
  ensureRoom(pdf, items.length * 14 + 10);
  for (const item of items) {
    const y = pdf.y;
    pdf.font('body').fontSize(8).fillColor('black').text(t(item.label), MARGIN, y, { width: labelWidth - 6, height: 11, ellipsis: true, lineBreak: false });
    pdf.rect(MARGIN + labelWidth, y + 1, Math.max(1, (item.value / max) * barMax), 8).fill(ACCENT);
    pdf.fillColor('black').text(String(item.value).replace('.', ','), MARGIN + labelWidth + (item.value / max) * barMax + 4, y, { lineBreak: false });
    pdf.x = MARGIN;
    pdf.y = y + 13;
  }
  pdf.moveDown(0.6);
}

/** Characters Helvetica (WinAnsi) lacks, replaced by their nearest WinAnsi neighbour. */
export function winAnsiSafe(s: string): string {
  return s.replace(/[\u202f\u2009\u2007]/g, '\u00a0').replace(/[\u2010\u2011]/g, '-').replace(/\u2192/g, '->').replace(/\u2588/g, '#');
}

export const PDF_FONT = HAS_DEJAVU ? 'DejaVu Sans' : 'Helvetica';
