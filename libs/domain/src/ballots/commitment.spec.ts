import { createHash } from 'node:crypto';
import { ballotCommitment, normaliseReceiptCode, questionSecret, receiptCode, voterToken } from './commitment';
import { sha256Hex } from './sha256';

describe('anonymous ballot commitments', () => {
  it('hashes as SHA-256 does, for short, block-sized and multi-byte input', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'é’œ«»'.repeat(40)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('derives unrelated values per question, and a code any voter can type back', () => {
    const device = 'a'.repeat(64);
    const s1 = questionSecret(device, 'q1');
    const s2 = questionSecret(device, 'q2');
    expect(s1).not.toBe(s2);
    expect(ballotCommitment(s1)).not.toBe(voterToken(s1));
    const code = receiptCode(ballotCommitment(s1));
    expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(normaliseReceiptCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    expect(normaliseReceiptCode('not a code')).toBeNull();
  });
});
