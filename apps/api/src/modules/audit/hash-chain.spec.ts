import { canonicalJson, firstBrokenLink, GENESIS_HASH, linkHash, type ChainLink } from './hash-chain';

function chain(types: string[]): ChainLink[] {
  const links: ChainLink[] = [];
  let prev = GENESIS_HASH;
  types.forEach((type, i) => {
    const base = { sessionId: 's', seq: i + 1, type, actorId: null, payload: { i }, prevHash: prev };
    const link = { ...base, hash: linkHash(base) };
    links.push(link);
    prev = link.hash;
  });
  return links;
}

describe('canonical JSON', () => {
  it('is byte-identical whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'é' } })).toBe(canonicalJson({ a: { c: 'é', d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('drops undefined fields and keeps nulls', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(firstBrokenLink(chain(['survey.opened', 'survey.closed', 'session.sealed']))).toBeNull();
  });

  it('points at a link whose payload was altered', () => {
    const links = chain(['a', 'b', 'c']);
    links[1] = { ...links[1], payload: { i: 99 } };
    expect(firstBrokenLink(links)).toBe(2);
  });

  it('points at a removed link', () => {
    const links = chain(['a', 'b', 'c']);
    expect(firstBrokenLink([links[0], links[2]])).toBe(3);
  });
});
