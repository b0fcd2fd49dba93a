import { compareTexts, wordDiff } from './compare';
import { consolidate, decideVote, nextToVote, reanchor, voteBlocker, votingBlocks, type AmendmentItem } from './amendments';
import { joinLines, numberLines } from './text';

const SOURCE = Array.from({ length: 20 }, (_, i) => `Ligne ${i + 1} de la feuille de route.`)
  .map((l, i) => (i === 9 ? `${l}\n` : l))
  .join('\n');
const LINES = numberLines(SOURCE);

let seq = 0;
function am(p: Partial<AmendmentItem> & Pick<AmendmentItem, 'kind' | 'from'>): AmendmentItem {
  seq += 1;
  return { id: `a${seq}`, number: seq, parentId: null, to: p.from, wording: '', status: 'admissible', fate: null, pinned: null, ...p };
}
beforeEach(() => {
  seq = 0;
});

const texts = (items: AmendmentItem[]) => consolidate(LINES, items).map((l) => l.text);

describe('numbering', () => {
  it('numbers non-blank lines and paragraphs, keeping French typography', () => {
    const lines = numberLines('Titre\u00a0: la route\n\n  L’assemblée vote\u202f!  \r\nEt « conclut »\u00a0;\n');
    expect(lines).toEqual([
      { n: 1, paragraph: 1, text: 'Titre\u00a0: la route' },
      { n: 2, paragraph: 2, text: 'L’assemblée vote\u202f!' },
      { n: 3, paragraph: 2, text: 'Et « conclut »\u00a0;' },
    ]);
    expect(joinLines(lines)).toBe('Titre\u00a0: la route\n\nL’assemblée vote\u202f!\nEt « conclut »\u00a0;');
  });
  it('puts a blank line between paragraphs', () => {
    expect(LINES).toHaveLength(20);
    expect(LINES[10]).toMatchObject({ n: 11, paragraph: 2 });
  });
});

describe('anchoring', () => {
  it('re-anchors an amendment after earlier ones are adopted', () => {
    const del = am({ kind: 'delete', from: 2, to: 3, fate: 'adopted' });
    const ins = am({ kind: 'insert', from: 5, wording: 'Nouvelle A.\nNouvelle B.\nNouvelle C.', fate: 'adopted' });
    const target = am({ kind: 'replace', from: 12, to: 13, wording: 'x' });
    const items = [del, ins, target];
    // 12 - 2 deleted + 3 inserted = 13.
    expect(reanchor(LINES, items, target)).toEqual({ from: 13, to: 14 });
    const after5 = am({ kind: 'insert', from: 5, wording: 'y' });
    expect(reanchor(LINES, [...items, after5], after5)).toEqual({ from: 6, to: 6 });
    const top = am({ kind: 'insert', from: 0, wording: 'z' });
    expect(reanchor(LINES, [...items, top], top)).toEqual({ from: 0, to: 0 });
  });
  it('cannot re-anchor an amendment whose lines were rewritten', () => {
    const rep = am({ kind: 'replace', from: 4, to: 6, wording: 'Réécrit.', fate: 'adopted' });
    const late = am({ kind: 'delete', from: 6, to: 7 });
    expect(reanchor(LINES, [rep, late], late)).toBeNull();
  });
  it('puts an insertion after a replaced line after the replacement', () => {
    const rep = am({ kind: 'replace', from: 4, to: 4, wording: 'R1\nR2', fate: 'adopted' });
    const ins = am({ kind: 'insert', from: 4, wording: 'I' });
    expect(reanchor(LINES, [rep, ins], ins)).toEqual({ from: 5, to: 5 });
  });
});

describe('voting blocks', () => {
  it('groups amendments at the same place and orders them furthest from the text first', () => {
    const add = am({ kind: 'insert', from: 12, wording: 'ajout' });
    const rewrite = am({ kind: 'replace', from: 12, to: 12, wording: 'réécrit' });
    const wide = am({ kind: 'replace', from: 11, to: 13, wording: 'plus large' });
    const del = am({ kind: 'delete', from: 12, to: 12 });
    const elsewhere = am({ kind: 'replace', from: 2, to: 2, wording: 'ailleurs' });
    const after = am({ kind: 'insert', from: 13, wording: 'ne touche pas la ligne 14' });
    const blocks = votingBlocks([add, rewrite, wide, del, elsewhere, after]);
    expect(blocks.map((b) => [b.from, b.to])).toEqual([[2, 2], [11, 13], [13, 13]]);
    expect(blocks[1].order).toEqual([del.id, wide.id, rewrite.id, add.id]);
    // An addition after line 13 leaves line 13 alone: its own block.
    expect(blocks[2].order).toEqual([after.id]);
  });
  it('puts sub-amendments just before their amendment and leaves out what is not admissible', () => {
    const a = am({ kind: 'replace', from: 5, wording: 'A' });
    const b = am({ kind: 'delete', from: 5 });
    const subA = am({ kind: 'replace', from: 5, parentId: a.id, wording: 'A bis' });
    const filed = am({ kind: 'replace', from: 5, status: 'filed' });
    const refused = am({ kind: 'replace', from: 5, status: 'inadmissible' });
    expect(votingBlocks([a, b, subA, filed, refused])[0].order).toEqual([b.id, subA.id, a.id]);
    expect(voteBlocker([a, b, subA], a.id)).toBe('SUBAMENDMENTS_PENDING');
    expect(voteBlocker([a, b, subA], subA.id)).toBeNull();
    expect(voteBlocker([a, b, subA, filed], filed.id)).toBe('NOT_ADMISSIBLE');
    expect(nextToVote([a, b, subA])).toBe(b.id);
  });
  it('lets the facilitator move an amendment within its block', () => {
    const a = am({ kind: 'replace', from: 3, wording: 'A' });
    const b = am({ kind: 'delete', from: 3 });
    const c = am({ kind: 'replace', from: 3, wording: 'C', pinned: 1 });
    expect(votingBlocks([a, b, c])[0].order).toEqual([c.id, b.id, a.id]);
  });
});

describe('falling amendments', () => {
  it('makes incompatible amendments (and their sub-amendments) fall when one is adopted', () => {
    const del = am({ kind: 'delete', from: 12, to: 13 });
    const rep = am({ kind: 'replace', from: 13, wording: 'x' });
    const sub = am({ kind: 'replace', from: 13, parentId: rep.id, wording: 'y' });
    const ins = am({ kind: 'insert', from: 12, wording: 'dans la suppression' });
    const insEnd = am({ kind: 'insert', from: 13, wording: 'après la suppression' });
    const other = am({ kind: 'replace', from: 1, wording: 'z' });
    const { items, fallen } = decideVote([del, rep, sub, ins, insEnd, other], del.id, true);
    expect(fallen).toEqual([rep.id, sub.id, ins.id]);
    expect(items.find((a) => a.id === del.id)?.fate).toBe('adopted');
    expect(items.filter((a) => a.fate === null).map((a) => a.id)).toEqual([insEnd.id, other.id]);
  });
  it('keeps a second addition at the same place', () => {
    const i1 = am({ kind: 'insert', from: 4, wording: 'un' });
    const i2 = am({ kind: 'insert', from: 4, wording: 'deux' });
    expect(decideVote([i1, i2], i1.id, true).fallen).toEqual([]);
  });
  it('drops competing sub-amendments when one is adopted, and all of them when their amendment is rejected', () => {
    const a = am({ kind: 'replace', from: 2, wording: 'A' });
    const s1 = am({ kind: 'replace', from: 2, parentId: a.id, wording: 'A1' });
    const s2 = am({ kind: 'replace', from: 2, parentId: a.id, wording: 'A2' });
    expect(decideVote([a, s1, s2], s1.id, true).fallen).toEqual([s2.id]);
    expect(decideVote([a, s1, s2], a.id, false).fallen).toEqual([s1.id, s2.id]);
  });
});

describe('consolidation', () => {
  it('applies adopted replacements, deletions and insertions, tracing every line', () => {
    const items = [
      am({ kind: 'replace', from: 12, to: 12, wording: 'Ligne douze réécrite\u00a0!', fate: 'adopted' }),
      am({ kind: 'delete', from: 1, to: 2, fate: 'adopted' }),
      am({ kind: 'insert', from: 20, wording: 'Conclusion.', fate: 'adopted' }),
      am({ kind: 'replace', from: 5, wording: 'rejeté', fate: 'rejected' }),
    ];
    const final = consolidate(LINES, items);
    expect(final).toHaveLength(19);
    expect(final[0]).toMatchObject({ n: 1, text: 'Ligne 3 de la feuille de route.', origin: { line: 3, amendment: null } });
    expect(final[9]).toMatchObject({ text: 'Ligne douze réécrite\u00a0!', origin: { line: null, amendment: 1 }, paragraph: 2 });
    expect(final[18]).toMatchObject({ text: 'Conclusion.', origin: { line: null, amendment: 3 } });
    expect(final.every((l) => l.origin.line !== null || l.origin.amendment !== null)).toBe(true);
  });
  it('uses the adopted sub-amendment’s wording when its amendment is adopted afterwards', () => {
    const a = am({ kind: 'replace', from: 7, to: 8, wording: 'Texte de l’amendement.' });
    const sub = am({ kind: 'replace', from: 7, parentId: a.id, wording: 'Texte sous-amendé\u00a0: meilleur.' });
    let items = [a, sub];
    expect(voteBlocker(items, a.id)).toBe('SUBAMENDMENTS_PENDING');
    items = decideVote(items, sub.id, true).items;
    // The sub-amendment alone changes nothing in the text.
    expect(texts(items)).toEqual(LINES.map((l) => l.text));
    expect(voteBlocker(items, a.id)).toBeNull();
    items = decideVote(items, a.id, true).items;
    const final = consolidate(LINES, items);
    expect(final.map((l) => l.text).slice(5, 8)).toEqual(['Ligne 6 de la feuille de route.', 'Texte sous-amendé\u00a0: meilleur.', 'Ligne 9 de la feuille de route.']);
    expect(final[6].origin).toEqual({ line: null, amendment: 1 });
    const change = compareTexts(LINES, items).find((s) => s.kind === 'change');
    expect(change).toMatchObject({ amendment: 1, subAmendment: 2, before: 'Ligne 7 de la feuille de route.\nLigne 8 de la feuille de route.', after: 'Texte sous-amendé\u00a0: meilleur.' });
  });
  it('ignores an adopted sub-amendment when its amendment is rejected', () => {
    const a = am({ kind: 'insert', from: 3, wording: 'A' });
    const sub = am({ kind: 'insert', from: 3, parentId: a.id, wording: 'A bis' });
    let items = decideVote([a, sub], sub.id, true).items;
    items = decideVote(items, a.id, false).items;
    expect(texts(items)).toEqual(LINES.map((l) => l.text));
  });
});

describe('comparison', () => {
  it('labels each change with its amendment number, word by word, keeping typography', () => {
    const items = [am({ kind: 'replace', from: 12, wording: 'Ligne 12 de la feuille de route partagée\u00a0!', fate: 'adopted' }), am({ kind: 'delete', from: 3, fate: 'adopted' })];
    const segments = compareTexts(LINES, items);
    expect(segments.filter((s) => s.kind === 'same')).toHaveLength(18);
    const rewrite = segments.find((s) => s.kind === 'change' && s.amendment === 1);
    expect(rewrite?.kind === 'change' && rewrite.parts.filter((p) => p.op !== 'same').map((p) => [p.op, p.text])).toEqual([
      ['removed', '.'],
      ['added', ' partagée\u00a0!'],
    ]);
    expect(segments.find((s) => s.kind === 'change' && s.amendment === 2)).toMatchObject({ before: 'Ligne 3 de la feuille de route.', after: '' });
  });
  it('gives both texts back from the word diff', () => {
    const before = 'L’assemblée demande\u00a0: « des moyens »\u00a0; vite\u202f!';
    const after = 'L’Assemblée exige\u00a0: « des moyens humains »\u00a0?';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(after);
  });
});
