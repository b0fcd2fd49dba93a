import { gunzipSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { crc32Combine, preserialize, toGzipJson, toJsonBuffer } from './preserialized-json';

const toJson = (value: unknown) => toJsonBuffer(value).toString('utf8');

describe('preserialized JSON', () => {
  it('writes the same JSON as JSON.stringify, shared parts copied in', () => {
    const ideas = preserialize([{ id: 'a', title: '« Mobilités » \u2028 rurales', tags: ['x'] }, { id: 'b', title: 'Tiers-lieux', tags: [] }]);
    const counts = preserialize([] as { ideaId: string }[]);
    const value = { version: 3, boards: { one: { ideas, counts, mine: { ideaIds: ['a'] } }, two: { ideas, counts: null } }, note: undefined };
    const json = toJson(value);
    expect(json).toBe(JSON.stringify(value));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('freezes a shared part, so no response can change what the next one sends', () => {
    const ideas = preserialize([{ id: 'a', title: 'Avant' }]);
    expect(() => ideas.push({ id: 'b', title: 'Ajout' })).toThrow(TypeError);
    expect(() => {
      (ideas[0] as { title: string }).title = 'Après';
    }).toThrow(TypeError);
    expect(toJson({ ideas })).toBe('{"ideas":[{"id":"a","title":"Avant"}]}');
  });

  it('cannot be fooled by a text that looks like a marker', () => {
    const ideas = preserialize([{ title: 'partagé' }]);
    const forged = { title: '@@0000000000000000:0', other: '"@@x:0"', ideas };
    expect(JSON.parse(toJson(forged))).toEqual({ title: '@@0000000000000000:0', other: '"@@x:0"', ideas: [{ title: 'partagé' }] });
  });

  it('is plain JSON.stringify when nothing is shared', () => {
    const value = { a: [1, 2, { b: 'é' }], c: null };
    expect(toJson(value)).toBe(JSON.stringify(value));
  });
});

describe('gzipped JSON with precompressed parts', () => {
  it('decompresses to exactly the JSON, with one, several or the same shared part twice', () => {
    const ideas = preserialize(Array.from({ length: 500 }, (_, i) => ({ id: `idée-${i}`, title: `« Mobilités » rurales n° ${i} — tiers-lieux` })));
    const comments = preserialize(Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, body: 'D’accord, à préciser' })));
    const values = [
      { a: 1 },
      { boards: { one: { ideas, comments, counts: [] } } },
      { first: ideas, second: ideas, tail: 'fin' },
      ideas,
    ];
    for (const value of values) expect(gunzipSync(toGzipJson(value)).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('sends the shared part compressed: a big board’s answer is a fraction of its JSON', () => {
    const ideas = preserialize(Array.from({ length: 2000 }, (_, i) => ({ id: `${i}`, title: 'Idée : mobilités rurales, tiers-lieux et circuits courts', body: 'Proposition détaillée pour le contrat territorial.' })));
    const value = { version: 7, ideas };
    expect(toGzipJson(value).length).toBeLessThan(toJsonBuffer(value).length / 5);
    // The second answer reuses the compressed part: the same bytes.
    expect(toGzipJson(value).equals(toGzipJson(value))).toBe(true);
  });
});

describe('crc32Combine', () => {
  it('gives the CRC-32 of two buffers joined from the CRC of each', () => {
    const a = Buffer.from('{"version":7,"ideas":');
    const cases = [Buffer.alloc(0), Buffer.from('x'), Buffer.from('« Mobilités » rurales — tiers-lieux'.repeat(1000)), Buffer.alloc(70_001, 0xa5)];
    for (const b of cases) expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
    expect(crc32Combine(0, crc32(a), a.length)).toBe(crc32(a));
  });
});
