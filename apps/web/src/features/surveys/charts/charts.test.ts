import { describe, expect, it } from 'vitest';
import { meritProfile } from './merit-profile';
import { layoutWordCloud } from './word-cloud-layout';

const words = ['solidarité', 'mobilité', 'jeunesse', 'transition', 'proximité', 'innovation', 'ruralité', 'santé', 'logement', 'emploi', 'culture', 'eau'].map(
  (word, i) => ({ word, count: 12 - i }),
);

describe('the word cloud layout', () => {
  it('places every word inside the frame without two words overlapping', () => {
    const layout = layoutWordCloud(words, { width: 1600, height: 620, minFont: 40, maxFont: 120 });
    expect(layout.left).toEqual([]);
    expect(layout.words).toHaveLength(words.length);
    const boxes = layout.words.map((w) => {
      const halfW = (w.word.length * w.fontSize * 0.6) / 2;
      const halfH = (w.fontSize * 1.1) / 2;
      return { x0: w.x - halfW, x1: w.x + halfW, y0: w.y - halfH, y1: w.y + halfH };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(0);
      expect(a.x1).toBeLessThanOrEqual(1600);
      expect(a.y0).toBeGreaterThanOrEqual(0);
      expect(a.y1).toBeLessThanOrEqual(620);
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
    }
  });

  it('draws the most frequent word largest and in the middle, the same way every time', () => {
    const layout = layoutWordCloud(words);
    const [first, ...rest] = layout.words;
    expect(first.word).toBe('solidarité');
    expect(rest.every((w) => w.fontSize <= first.fontSize)).toBe(true);
    expect(first.x).toBeCloseTo(layout.width / 2, 0);
    expect(layoutWordCloud([...words].reverse())).toEqual(layout);
  });

  it('shrinks every word a step when they do not all fit, and lists those that never fit', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ word: `mot${i}-territorial`, count: 1 + (i % 7) }));
    const layout = layoutWordCloud(many, { width: 800, height: 300, minFont: 40, maxFont: 120 });
    expect(Math.max(...layout.words.map((w) => w.fontSize))).toBeLessThan(120);
    expect(layout.words.length + layout.left.length).toBe(80);
  });
});

describe('the merit profile', () => {
  it('lays the grades end to end, best first, as shares of the ballots', () => {
    const profile = meritProfile([1, 3, 0, 4]);
    expect(profile.map((s) => s.width)).toEqual([12.5, 37.5, 0, 50]);
    expect(profile.map((s) => s.start)).toEqual([0, 12.5, 50, 50]);
  });

  it('is empty, not NaN, without ballots', () => {
    expect(meritProfile([0, 0, 0]).every((s) => s.width === 0 && s.start === 0)).toBe(true);
  });
});
