/**
 * A word cloud laid out in two dimensions: each word, largest first, is placed on an
 * Archimedean spiral from the centre at the first spot where its box overlaps no placed word.
 * Pure and deterministic (same words → same picture), so the projector does not jump around
 * when a new answer arrives. Widths are estimated from the character count: the cloud is drawn
 * in an SVG viewBox, so an estimate a little too wide only leaves some air around a word.
 */
export interface CloudWord {
  word: string;
  count: number;
}

export interface PlacedWord extends CloudWord {
  /** Centre of the word, in viewBox units. */
  x: number;
  y: number;
  fontSize: number;
  /** Rank by frequency (0 = most frequent), for colours. */
  rank: number;
}

export interface CloudLayout {
  width: number;
  height: number;
  words: PlacedWord[];
  /** Words that found no room even at the smallest scale (still listed in the text alternative). */
  left: CloudWord[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const CHAR_WIDTH = 0.6; // of the font size, generous for bold sans-serif capitals
const LINE_HEIGHT = 1.1;
const PADDING = 0.12; // of the font size, around every word

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function attempt(words: CloudWord[], width: number, height: number, minFont: number, maxFont: number): CloudLayout {
  const top = Math.max(1, ...words.map((w) => w.count));
  const low = Math.min(top, ...words.map((w) => w.count));
  const placed: PlacedWord[] = [];
  const boxes: Box[] = [];
  const left: CloudWord[] = [];
  words.forEach((w, rank) => {
    // Font size grows with frequency (square root: areas, not lengths, compare counts).
    const share = top === low ? 1 : Math.sqrt((w.count - low) / (top - low));
    const fontSize = minFont + share * (maxFont - minFont);
    const pad = fontSize * PADDING;
    const halfW = (w.word.length * fontSize * CHAR_WIDTH) / 2 + pad;
    const halfH = (fontSize * LINE_HEIGHT) / 2 + pad;
    if (halfW * 2 > width || halfH * 2 > height) {
      left.push(w);
      return;
    }
    // The spiral is stretched to the frame's aspect ratio, so the cloud fills a wide screen.
    const ratio = width / height;
    for (let t = 0; t < 2_000; t += 1) {
      const angle = t * 0.35;
      const radius = t * 1.2;
      const x = width / 2 + radius * Math.cos(angle) * ratio * 0.5;
      const y = height / 2 + radius * Math.sin(angle) * 0.5;
      const box = { x0: x - halfW, y0: y - halfH, x1: x + halfW, y1: y + halfH };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      if (boxes.some((b) => overlaps(b, box))) continue;
      boxes.push(box);
      placed.push({ ...w, x, y, fontSize, rank });
      return;
    }
    left.push(w);
  });
  return { width, height, words: placed, left };
}

/**
 * Lays out the words (most frequent first) in a `width` × `height` frame. When some do not fit,
 * every size shrinks a step (never below `minFont` × `floor`) and the layout is tried again.
 */
export function layoutWordCloud(
  words: readonly CloudWord[],
  { width = 1600, height = 700, minFont = 44, maxFont = 130, floor = 0.6 } = {},
): CloudLayout {
  const sorted = [...words].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  let scale = 1;
  let layout = attempt(sorted, width, height, minFont, maxFont);
  while (layout.left.length > 0 && scale > floor) {
    scale -= 0.1;
    layout = attempt(sorted, width, height, minFont * scale, maxFont * scale);
  }
  return layout;
}
