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
