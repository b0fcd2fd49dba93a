/** One line of a group placement CSV: `participant;group` (a header line is skipped). */
export interface GroupCsvLine {
  line: number;
  participant: string;
  group: string;
}

/** Accepts `;` (French Excel) or `,` separators and a BOM; blank lines are skipped. */
export function parseGroupCsv(csv: string): GroupCsvLine[] {
  const out: GroupCsvLine[] = [];
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  rows.forEach((raw, index) => {
    const row = raw.trim();
    if (!row) return;
    const sep = row.includes(';') ? ';' : ',';
    const [participant = '', group = ''] = row.split(sep).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    if (index === 0 && /^(participant|nom|name|email)$/i.test(participant)) return;
    out.push({ line: index + 1, participant, group });
  });
  return out;
}
