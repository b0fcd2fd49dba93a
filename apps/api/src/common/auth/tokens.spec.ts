import jwt from 'jsonwebtoken';
import { TokenService } from './tokens';

const secret = 'x'.repeat(48);
const service = new TokenService({ tokenSecret: secret, tokenTtlHours: 24 });
const participantId = '2f1f0c1e-6a55-4d2c-9a39-5d7a1f4c1a01';
const sessionId = '8c0f7a52-3b8e-4f0e-8a4b-0c4c6f0d2b11';

describe('TokenService', () => {
  it('gives back who a participant token names', () => {
    const token = service.signParticipant(participantId, sessionId, 'member');
    expect(service.verify(token)).toMatchObject({ typ: 'participant', sub: participantId, sid: sessionId, role: 'member' });
  });

  it('refuses an expired token with TOKEN_EXPIRED', () => {
    const token = jwt.sign({ typ: 'participant', sub: participantId, sid: sessionId, role: 'member' }, secret, {
      algorithm: 'HS256',
      issuer: 'palabre',
      expiresIn: -10,
    });
    expect(() => service.verify(token)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenService({ tokenSecret: 'y'.repeat(48), tokenTtlHours: 24 });
    expect(() => service.verify(other.signStaff(participantId, 'admin', sessionId))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a token whose claims do not fit (role escalation attempt)', () => {
    const forged = jwt.sign({ typ: 'participant', sub: participantId, sid: sessionId, role: 'president' }, secret, { algorithm: 'HS256', issuer: 'palabre' });
    expect(() => service.verify(forged)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses an unsigned (alg none) token', () => {
    const unsigned = jwt.sign({ typ: 'staff', sub: participantId, role: 'admin' }, '', { algorithm: 'none', issuer: 'palabre' });
    expect(() => service.verify(unsigned)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a missing token', () => {
    expect(() => service.verify(undefined)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
