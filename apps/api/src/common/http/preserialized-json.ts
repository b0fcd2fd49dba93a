import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A value's JSON written once, as UTF-8, and compressed once (lazily) for gzip answers. */
interface Written {
  bytes: Buffer;
  /** For gzip answers, computed at the first: raw deflate of `bytes` ended by a sync flush (it can be spliced into any deflate stream), and the CRC-32 of `bytes`. */
  gzip?: { deflated: Buffer; crc: number };
}

/** Values whose JSON is already written: shared, frozen parts of many responses (a big board's ideas). */
const written = new WeakMap<object, Written>();

/**
 * Freezes `value` (it is shared by every response that carries it) and writes its JSON once, as
 * UTF-8: `toJsonBuffer` and `toGzipJson` copy those bytes (or their compressed form) instead of serialising, encoding
 * and compressing the value again. Only plain JSON data.
 */
export function preserialize<T extends object>(value: T): T {
  if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') Object.freeze(item);
  written.set(value, { bytes: Buffer.from(JSON.stringify(value)) });
  return Object.freeze(value);
}

/**
 * `JSON.stringify(value)` in pieces: UTF-8 text, and the preserialized parts in their place. Each
 * part is first written as a marker string carrying a random nonce (no value a user wrote can match
 * it); the text around the markers is encoded and the parts put in between.
 */
function pieces(value: unknown): (Buffer | Written)[] {
  const parts: Written[] = [];
  const nonce = randomBytes(8).toString('hex');
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object') {
      const part = written.get(v);
      if (part !== undefined) return `@@${nonce}:${parts.push(part) - 1}`;
    }
    return v;
  });
  if (parts.length === 0) return [Buffer.from(json)];
  // split with a capturing group: text, part index, text, part index, …, text.
  return json.split(new RegExp(`"@@${nonce}:(\\d+)"`)).map((piece, index) => (index % 2 === 0 ? Buffer.from(piece) : parts[Number(piece)]));
}

/** The JSON of `value` as UTF-8 bytes, preserialized parts copied in. */
export function toJsonBuffer(value: unknown): Buffer {
  return Buffer.concat(pieces(value).map((piece) => (Buffer.isBuffer(piece) ? piece : piece.bytes)));
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * The JSON of `value` gzipped (RFC 1952, one member): the text around the preserialized parts is
 * compressed now, each part was compressed once. Every piece is an independent raw deflate stream
 * ended by a sync flush (byte-aligned, no reference outside itself), so the pieces concatenate into
 * one valid stream; the last one carries the final block. The CRC runs over every byte.
 */
export function toGzipJson(value: unknown): Buffer {
  const all = pieces(value);
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  all.forEach((piece, index) => {
    const last = index === all.length - 1;
    if (Buffer.isBuffer(piece)) {
      crc = crc32(piece, crc);
      size += piece.length;
      chunks.push(deflateRawSync(piece, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
      return;
    }
    // A shared part is never last (the JSON closes after it): its compressed bytes and CRC are reused.
    piece.gzip ??= { deflated: deflateRawSync(piece.bytes, { finishFlush: constants.Z_SYNC_FLUSH }), crc: crc32(piece.bytes) };
    crc = crc32Combine(crc, piece.gzip.crc, piece.bytes.length);
    size += piece.bytes.length;
    chunks.push(piece.gzip.deflated);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(trailer);
  return Buffer.concat(chunks);
}

/** `a` × `vector` over GF(2), `a` a 32 × 32 matrix given by its columns. */
function gf2Times(a: number[], vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= a[i];
  return sum;
}

function gf2Square(a: number[]): number[] {
  return a.map((column) => gf2Times(a, column));
}

/**
 * The CRC-32 of A followed by B from the CRC-32 of each and B's length, without reading either (zlib's
 * `crc32_combine`: appending `length` zero bytes is a linear operator, applied by repeated squaring).
 */
export function crc32Combine(crcA: number, crcB: number, length: number): number {
  // The operator for one zero bit, then squared to 2 bits, 4 bits (a zero byte is 8 bits).
  let odd = [0xedb88320, ...Array.from({ length: 31 }, (_, n) => 1 << n)];
  let even = gf2Square(odd);
  odd = gf2Square(even);
  let crc = crcA;
  for (let left = length; left > 0; ) {
    even = gf2Square(odd);
    if (left % 2 === 1) crc = gf2Times(even, crc);
    left = Math.floor(left / 2);
    if (left === 0) break;
    odd = gf2Square(even);
    if (left % 2 === 1) crc = gf2Times(odd, crc);
    left = Math.floor(left / 2);
  }
  return (crc ^ crcB) >>> 0;
}
