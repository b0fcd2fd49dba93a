import JSZip from 'jszip';
import { OutcomeSection, type OutcomeExport } from '@palabre/contracts';
import { fakeExport, longLabel } from '../../../common/testing/fake-outcomes';
import { pdfText, pdfTextBoxes, type TextBox } from '../../../common/testing/pdf-text';
import { everyMethodSection } from '../../surveys/every-method.fixture';
import { renderDocx } from './docx';
import { cellText } from './labels';
import { PDF_MARGIN, renderPdf } from './pdf';

/** A plenary whose survey has every method, 12 options of 80 characters, and long titles everywhere. */
function longLabelled(): OutcomeExport {
  const doc = fakeExport(40);
  const survey = OutcomeSection.parse(everyMethodSection(doc.agenda[0].activityId));
  const board = { ...doc.sections[1], ideas: doc.sections[1].ideas.map((i, n) => ({ ...i, text: `${longLabel(n, 80)} ${longLabel(n + 1, 80)}`, column: longLabel(n + 20, 40) })) };
  return {
    ...doc,
    agenda: doc.agenda.map((a, i) => ({ ...a, title: longLabel(i, 80) })),
    sections: [survey, board],
  };
}

const overlap = (a: TextBox, b: TextBox) => a.page === b.page && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

describe('minutes that fit A4 portrait whatever the labels', () => {
  const doc = longLabelled();

  it('draws no text over other text and nothing outside the margins, for every method with 80-character labels', async () => {
    const pdf = await renderPdf(doc);
    const { pages, boxes } = pdfTextBoxes(pdf);
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(boxes.length).toBeGreaterThan(500);
    // Every page has text besides its folio (« 3 / 12 »), at the foot of the page.
    const folio = (b: TextBox) => /^\d+ \/ \d+$/.test(b.text);
    for (let page = 1; page <= pages.length; page++) {
      expect(boxes.filter((b) => b.page === page && !folio(b)).length).toBeGreaterThan(0);
      expect(boxes.filter((b) => b.page === page && folio(b)).map((b) => [b.text, b.top > pages[0].height - PDF_MARGIN])).toEqual([[`${page} / ${pages.length}`, true]]);
    }
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length && clashes.length < 5; j++) if (overlap(boxes[i], boxes[j])) clashes.push(`p.${boxes[i].page}: « ${boxes[i].text} » over « ${boxes[j].text} »`);
    }
    expect(clashes).toEqual([]);
    const outside = boxes.filter((b) => {
      const page = pages[b.page - 1];
      const folio = /^\d+ \/ \d+$/.test(b.text);
      return b.left < PDF_MARGIN - 0.5 || b.right > page.width - PDF_MARGIN + 0.5 || b.top < PDF_MARGIN - 0.5 || b.bottom > (folio ? page.height - PDF_MARGIN / 2 : page.height - PDF_MARGIN + 0.5);
    });
    expect(outside.map((b) => `p.${b.page} ${b.text} [${b.left.toFixed(0)}, ${b.top.toFixed(0)}, ${b.right.toFixed(0)}, ${b.bottom.toFixed(0)}]`)).toEqual([]);
  });

  it('names each method under its chart and prints a scale’s mean and median', async () => {
    const text = pdfText(await renderPdf(doc)).replace(/\s+/g, ' ');
    expect(text).toContain('Classement par la méthode de Borda — points Borda');
    expect(text).toContain('Répartition de points — total des points attribués');
    expect(text).toContain('Oui / Non / Abstention — nombre de voix');
    expect(text).toContain('Jugement majoritaire — profil de mérite');
    expect(text).toMatch(/Moyenne\s?: \d/);
    expect(text).toMatch(/Médiane\s?: \d/);
    expect(text).not.toMatch(/\b(published|draft|closed|report_back)\b/);
  });

  it('tags the PDF for screen readers: French, headings, tables with header cells, charts with alternative text', async () => {
    const raw = (await renderPdf(doc)).toString('latin1');
    for (const mark of ['/StructTreeRoot', '/Marked true', '/Lang (fr-FR)', '/DisplayDocTitle true', '/S /H1', '/S /H2', '/S /H3', '/S /Table', '/S /TH', '/Scope /Column', '/S /TD']) expect(raw).toContain(mark);
    // Seven charts (the majority-judgment profile is drawn in its table: one alternative text per option).
    expect(raw.match(/\/S \/Figure/g)).toHaveLength(7);
    expect(raw.match(/\/Alt /g)!.length).toBeGreaterThanOrEqual(7 + 12);
  });

  it('writes DOCX tables holding the same numbers as the JSON', async () => {
    const xml = await (await JSZip.loadAsync(await renderDocx(doc))).file('word/document.xml')!.async('string');
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
      [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''))),
    );
    const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    const found = tables.map((rows) => rows.map((r) => r.map(unescape)));
    for (const table of doc.sections[0].tables) {
      if (table.chart?.layout === 'merit_profile') {
        // Rank, option and majority grade: the merit profile is drawn, its numbers stay in the JSON.
        const expected = table.rows.map((r) => [cellText(r[0]), cellText(r[1]), cellText(r[2])]);
        expect(found.some((rows) => expected.every((e, i) => rows[i + 1]?.slice(0, 3).join('|') === e.join('|')))).toBe(true);
      } else {
        const expected = [table.columns, ...table.rows.map((r) => r.map(cellText))];
        expect(found).toContainEqual(expected);
      }
    }
    // French is the document language; headings use Word's heading styles.
    const styles = await (await JSZip.loadAsync(await renderDocx(doc))).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:lang w:val="fr-FR"/);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
  });
});
