import { DEFAULT_FLOOR_RULE, orderFloor, type FloorCandidate, type FloorProfile } from './order';
import { seededRandom } from '../groups/assignment';

/**
 * A 3-hour plenary with the default rule: 250 members shaped like the demo roster (parity by
 * turn, about 60 % élus, 58 perimeters of four types, about a third remote), 120 requests for the
 * floor spread over six 30-minute items. Each speaker wants 45 s to 4 min and is stopped at the
 * list's 2 minutes. Requests still waiting when an item ends are not heard.
 */

const PERIMETER_COUNTS: [string, number][] = [['metropole', 2], ['agglomeration', 19], ['territoire_projet', 20], ['bourg_centre', 17]];
const PERIMETERS = PERIMETER_COUNTS.flatMap(([type, n]) => Array.from({ length: n }, (_, i) => ({ territory: `${type}-${i}`, territoryType: type })));

interface Member extends FloorProfile {
  id: string;
  remote: boolean;
}


function roster(size: number, random: () => number): Member[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `m${i}`,
    gender: i % 2 === 0 ? 'femme' : 'homme',
    category: i % 5 < 3 ? 'elu' : 'citoyen',
    ...PERIMETERS[i % PERIMETERS.length],
    remote: random() < 0.33,
  }));
}

interface Figures {
  requests: number;
  heard: number;
  womenRequestShare: number;
  womenTimeShare: number;
  remoteRequestShare: number;
  remoteTimeShare: number;
}

function simulate(seed: number): Figures {
  const random = seededRandom(seed);
  const members = roster(250, random);
  const ITEMS = 6;
  const ITEM_MS = 30 * 60_000;
  const CAP_MS = 120_000;
  const REQUESTS = 120;
  // Who asks, when (an item and a moment in it), and how long they would like to speak.
  const requests = Array.from({ length: REQUESTS }, (_, i) => ({
    id: `r${String(i).padStart(3, '0')}`,
    member: members[Math.floor(random() * members.length)],
    item: Math.floor(random() * ITEMS),
    at: Math.floor(random() * ITEM_MS * 0.7),
    wantsMs: 45_000 + Math.floor(random() * 195_000),
  }));
  const spokenMs = new Map<string, number>();
  let womenMs = 0;
  let remoteMs = 0;
  let totalMs = 0;
  let heard = 0;
  for (let item = 0; item < ITEMS; item += 1) {
    const mine = requests.filter((r) => r.item === item).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const heardHere: FloorProfile[] = [];
    const waiting = new Set<(typeof mine)[number]>();
    let now = 0;
    let next = 0;
    while (now < ITEM_MS) {
      while (next < mine.length && mine[next].at <= now) waiting.add(mine[next++]);
      if (waiting.size === 0) {
        if (next >= mine.length) break;
        now = mine[next].at;
        continue;
      }
      const list = [...waiting];
      const candidates: FloorCandidate[] = list.map((r, i) => ({ ...r.member, id: r.id, participantId: r.member.id, arrival: i, priority: false, pinned: null }));
      const first = orderFloor(candidates, { heard: heardHere, spokenMs, rule: DEFAULT_FLOOR_RULE })[0];
      const speaker = list.find((r) => r.id === first.id) as (typeof mine)[number];
      waiting.delete(speaker);
      const ms = Math.min(speaker.wantsMs, CAP_MS, ITEM_MS - now);
      now += ms + 10_000; // handing over the microphone
      heard += 1;
      heardHere.push(speaker.member);
      spokenMs.set(speaker.member.id, (spokenMs.get(speaker.member.id) ?? 0) + ms);
      totalMs += ms;
      if (speaker.member.gender === 'femme') womenMs += ms;
      if (speaker.member.remote) remoteMs += ms;
    }
  }
  const share = (n: number, d: number) => Math.round((1000 * n) / d) / 10;
  return {
    requests: REQUESTS,
    heard,
    womenRequestShare: share(requests.filter((r) => r.member.gender === 'femme').length, REQUESTS),
    womenTimeShare: share(womenMs, totalMs),
    remoteRequestShare: share(requests.filter((r) => r.member.remote).length, REQUESTS),
    remoteTimeShare: share(remoteMs, totalMs),
  };
}

describe('a simulated 3-hour plenary with the default rule', () => {
  it.each([1, 2, 3])('gives women and remote members a share of speaking time within 5 points of their share of requests (seed %i)', (seed) => {
    const f = simulate(seed);
    console.log(
      `floor simulation seed ${seed}: ${f.heard}/${f.requests} requests heard; women ${f.womenTimeShare} % of speaking time for ${f.womenRequestShare} % of requests; ` +
        `remote ${f.remoteTimeShare} % of speaking time for ${f.remoteRequestShare} % of requests`,
    );
    expect(f.heard).toBeGreaterThan(60);
    expect(Math.abs(f.womenTimeShare - f.womenRequestShare)).toBeLessThanOrEqual(5);
    expect(Math.abs(f.remoteTimeShare - f.remoteRequestShare)).toBeLessThanOrEqual(5);
  });
});
