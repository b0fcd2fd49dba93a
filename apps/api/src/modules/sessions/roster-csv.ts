import { parse } from 'csv-parse/sync';
import { RosterLine, type RosterLine as RosterLineValue } from '@palabre/contracts';

/** French spreadsheets say "Métropole", "Élu·e", "F": accept the usual spellings for each enum. */
const ALIASES: Record<string, Record<string, string>> = {
  territoryType: {
    metropole: 'metropole',
    'communaute d agglomeration': 'agglomeration',
    'communaute d agglomeration ou urbaine': 'agglomeration',
    'communaute urbaine': 'agglomeration',
    agglomeration: 'agglomeration',
    'territoire de projet': 'territoire_projet',
    territoire_projet: 'territoire_projet',
    pays: 'territoire_projet',
    pnr: 'territoire_projet',
    petr: 'territoire_projet',
    'bourg centre': 'bourg_centre',
    bourg_centre: 'bourg_centre',
    'commune bourg centre': 'bourg_centre',
    commune: 'bourg_centre',
  },
  category: { elu: 'elu', elue: 'elu', 'elu e': 'elu', citoyen: 'citoyen', citoyenne: 'citoyen', 'citoyen ne': 'citoyen' },
  gender: { femme: 'femme', f: 'femme', homme: 'homme', h: 'homme', m: 'homme', autre: 'autre', x: 'autre' },
};

const HEADERS: Record<string, keyof RosterLineValue> = {
  name: 'name',
  nom: 'name',
  email: 'email',
  'e mail': 'email',
  courriel: 'email',
  perimeter: 'perimeter',
  perimetre: 'perimeter',
  territorytype: 'territoryType',
  'type de territoire': 'territoryType',
  category: 'category',
  categorie: 'category',
  gender: 'gender',
  genre: 'gender',
};

function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim();
}

export interface ParsedRoster {
  lines: { line: number; value: RosterLineValue }[];
  errors: { line: number; code: string; message: string }[];
}

/** Parses a roster CSV (`;` or `,`, header row, optional BOM); bad lines are reported, good ones kept. */
export function parseRosterCsv(text: string): ParsedRoster {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { lines: [], errors: [{ line: 1, code: 'VALIDATION_FAILED', message: 'Fichier CSV illisible.' }] };
  }
  const [header, ...body] = rows;
  const columns = (header ?? []).map((h) => HEADERS[fold(h)] ?? HEADERS[fold(h).replace(/ /g, '')]);
  if (!columns.includes('name') || !columns.includes('perimeter')) {
    return { lines: [], errors: [{ line: 1, code: 'VALIDATION_FAILED', message: 'En-tête attendu : nom;email;perimetre;type de territoire;categorie;genre' }] };
  }
  const result: ParsedRoster = { lines: [], errors: [] };
  body.forEach((cells, index) => {
    const line = index + 2;
    const record: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (!column) return;
      const raw = cells[i] ?? '';
      record[column] = ALIASES[column] ? (ALIASES[column][fold(raw)] ?? raw) : raw;
    });
    const parsed = RosterLine.safeParse(record);
    if (parsed.success) result.lines.push({ line, value: parsed.data });
    else {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(', ');
      result.errors.push({ line, code: 'VALIDATION_FAILED', message: `Valeur invalide : ${fields}` });
    }
  });
  return result;
}
