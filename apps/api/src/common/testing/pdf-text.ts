import { inflateSync } from 'node:zlib';

/**
 * Test helper: the text drawn in a PDF written by pdfkit (embedded fonts through their
 * ToUnicode maps, built-in fonts through WinAnsi). Enough to assert what a reader sees.
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(m[1], { dict: body, stream: null });
      continue;
    }
    const raw = body.slice(at + 6).replace(/^\r?\n/, '');
    const data = Buffer.from(raw.slice(0, raw.lastIndexOf('endstream')), 'latin1');
    let stream: string | null;
    try {
      stream = (body.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1');
    } catch {
      stream = null;
    }
    objects.set(m[1], { dict: body.slice(0, at), stream });
  }
  const decoders = new Map<string, (hex: string) => string>();
  for (const [id, obj] of objects) {
    if (!/\/Type\s*\/Font/.test(obj.dict) || /CIDFontType2/.test(obj.dict)) continue;
    const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(obj.dict)?.[1];
    const cmap = toUnicode ? objects.get(toUnicode)?.stream : null;
    decoders.set(id, cmap ? cmapDecoder(cmap) : winAnsi);
  }
  const texts: string[] = [];
  for (const obj of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(obj.dict)?.[1];
    if (!fonts) continue;
    const names = new Map([...fonts.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)].map((f) => [f[1], f[2]]));
    for (const page of objects.values()) {
      const ref = /\/Contents\s+(\d+)\s+0\s+R/.exec(page.dict)?.[1];
      const res = /\/Resources\s+(\d+)\s+0\s+R/.exec(page.dict)?.[1];
      if (!ref || !res || objects.get(res) !== obj) continue;
      let decode = winAnsi;
      for (const op of (objects.get(ref)?.stream ?? '').matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/g)) {
        if (op[1]) decode = decoders.get(names.get(op[1]) ?? '') ?? winAnsi;
        else texts.push([...(op[2] ?? `<${op[3]}>`).matchAll(/<([0-9a-f]*)>/g)].map((h) => decode(h[1])).join(''));
      }
    }
  }
  return texts.join('\n');
}

function cmapDecoder(cmap: string): (hex: string) => string {
  const map = new Map<number, string>();
  const unicode = (h: string) => String.fromCharCode(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const start = parseInt(r[1], 16);
      if (r[3].startsWith('[')) [...r[3].matchAll(/<([0-9a-f\s]+)>/gi)].forEach((u, i) => map.set(start + i, unicode(u[1])));
      else for (let c = start, u = parseInt(r[3].slice(1, -1), 16); c <= parseInt(r[2], 16); c++, u++) map.set(c, String.fromCharCode(u));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of block[1].matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(r[1], 16), unicode(r[2]));
  }
  return (hex) => (hex.match(/.{4}/g) ?? []).map((c) => map.get(parseInt(c, 16)) ?? '').join('');
}

const WIN_ANSI_HIGH: Record<number, string> = { 0x80: '€', 0x85: '…', 0x8c: 'Œ', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9c: 'œ' };

function winAnsi(hex: string): string {
  return (hex.match(/.{2}/g) ?? []).map((b) => WIN_ANSI_HIGH[parseInt(b, 16)] ?? String.fromCharCode(parseInt(b, 16))).join('');
}

/** A line of text as drawn on a page, in points from the page's top-left corner. */
export interface TextBox {
  page: number;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface PdfObject { dict: string; stream: string | null }
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function pdfObjects(pdf: Buffer): Map<string, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(m[1], { dict: body, stream: null });
      continue;
    }
    const raw = body.slice(at + 6).replace(/^\r?\n/, '');
    const data = Buffer.from(raw.slice(0, raw.lastIndexOf('endstream')), 'latin1');
    let stream: string | null;
    try {
      stream = (body.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1');
    } catch {
      stream = null;
    }
    objects.set(m[1], { dict: body.slice(0, at), stream });
  }
  return objects;
}

/** Glyph advances (per 1000 units of font size) of an embedded CID font, from its /W array. */
function cidWidths(objects: Map<string, PdfObject>, fontId: string): Map<number, number> | null {
  const descendant = /\/DescendantFonts\s*\[\s*(\d+)\s+0\s+R/.exec(objects.get(fontId)?.dict ?? '')?.[1];
  const w = /\/W\s*\[([\s\S]*)\]/.exec(objects.get(descendant ?? '')?.dict ?? '')?.[1];
  if (!w) return null;
  const widths = new Map<number, number>();
  for (const run of w.matchAll(/(\d+)\s*\[([^\]]*)\]/g)) {
    run[2].trim().split(/\s+/).forEach((v, i) => widths.set(Number(run[1]) + i, Number(v)));
  }
  return widths;
}

/**
 * Test helper: every line of text a pdfkit PDF draws, with the box it covers on its page
 * (from the text and transformation matrices and the embedded fonts' glyph widths). The box
 * spans the x-height band above the baseline and a little below, not the full line height,
 * so lines set one under the other do not count as overlapping.
 */
export function pdfTextBoxes(pdf: Buffer): { pages: { width: number; height: number }[]; boxes: TextBox[] } {
  const objects = pdfObjects(pdf);
  const kids = /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec([...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict))?.dict ?? '')?.[1] ?? '';
  const pageIds = [...kids.matchAll(/(\d+)\s+0\s+R/g)].map((k) => k[1]);
  const pages: { width: number; height: number }[] = [];
  const boxes: TextBox[] = [];
  pageIds.forEach((id, pageIndex) => {
    const page = objects.get(id)!.dict;
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(page)?.[1].trim().split(/\s+/).map(Number) ?? [0, 0, 595.28, 841.89];
    const height = box[3];
    pages.push({ width: box[2], height });
    const resId = /\/Resources\s+(\d+)\s+0\s+R/.exec(page)?.[1];
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(objects.get(resId ?? '')?.dict ?? '')?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)].map((f) => [f[1], f[2]]));
    const decoders = new Map<string, (hex: string) => string>();
    const widths = new Map<string, Map<number, number> | null>();
    for (const [name, fid] of fonts) {
      const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(objects.get(fid)?.dict ?? '')?.[1];
      const cmap = toUnicode ? objects.get(toUnicode)?.stream : null;
      decoders.set(name, cmap ? cmapDecoder(cmap) : winAnsi);
      widths.set(name, cidWidths(objects, fid));
    }
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page)?.[1] ?? '').matchAll(/(\d+)\s+0\s+R/g)].map((r) => objects.get(r[1])?.stream ?? '').join('\n');
    let ctm: Matrix = IDENTITY;
    const stack: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let font = '';
    let size = 0;
    const operands: string[] = [];
    for (const token of contents.matchAll(/\[(?:[^\]\\]|\\.)*\]|<[0-9a-fA-F\s]*>|\/[^\s/[\]<>()]+|-?[\d.]+|\((?:[^)\\]|\\.)*\)|[A-Za-z'"*]+/g)) {
      const t = token[0];
      if (/^[A-Za-z'"*]+$/.test(t)) {
        const nums = operands.map(Number);
        if (t === 'q') stack.push(ctm);
        else if (t === 'Q') ctm = stack.pop() ?? IDENTITY;
        else if (t === 'cm') ctm = times(nums.slice(-6) as Matrix, ctm);
        else if (t === 'BT') tm = IDENTITY;
        else if (t === 'Tm') tm = nums.slice(-6) as Matrix;
        else if (t === 'Tf') {
          font = operands.at(-2)?.slice(1) ?? '';
          size = nums.at(-1) ?? 0;
        } else if (t === 'TJ' || t === 'Tj') {
          const decode = decoders.get(font) ?? winAnsi;
          const w = widths.get(font) ?? null;
          // Glyph by glyph, so trailing spaces (drawn, but printing nothing) can be left out of the box.
          const glyphs: { char: string; advance: number }[] = [];
          for (const part of (operands.at(-1) ?? '').matchAll(/<([0-9a-fA-F\s]*)>|(-?[\d.]+)/g)) {
            if (part[1] !== undefined) {
              const hex = part[1].replace(/\s+/g, '');
              for (const g of hex.match(w ? /.{4}/g : /.{2}/g) ?? []) glyphs.push({ char: decode(g), advance: w ? (w.get(parseInt(g, 16)) ?? 500) : 500 });
            } else if (glyphs.length > 0) glyphs[glyphs.length - 1].advance -= Number(part[2]);
          }
          while (glyphs.length > 0 && glyphs[glyphs.length - 1].char.trim() === '') glyphs.pop();
          const text = glyphs.map((g) => g.char).join('');
          const advance = glyphs.reduce((sum, g) => sum + g.advance, 0);
          const m = times(tm, ctm);
          const corners = [apply(m, 0, -0.2 * size), apply(m, (advance / 1000) * size, 0.7 * size)];
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => height - c[1]);
          // Trailing spaces are drawn but print nothing.
          if (text.trim() !== '') boxes.push({ page: pageIndex + 1, text, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
        }
        operands.length = 0;
      } else operands.push(t);
    }
  });
  return { pages, boxes };
}
