import { LoginThrottle } from './login-throttle';

const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('login throttle per (address, account)', () => {
  it('makes a guesser wait longer after each failure, then lets them try again', () => {
    const throttle = new LoginThrottle();
    let now = 0;
    for (let i = 0; i < 3; i++) throttle.failed('203.0.113.9', 'camille@region.fr', now);
    expect(code(() => throttle.check('203.0.113.9', 'camille@region.fr', now))).toBeUndefined();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      throttle.failed('203.0.113.9', 'camille@region.fr', now);
      let waited = 0;
      while (code(() => throttle.check('203.0.113.9', 'camille@region.fr', now + waited)) === 'LOGIN_THROTTLED') waited += 1000;
      waits.push(waited);
      now += waited;
    }
    expect(waits).toEqual([2000, 4000, 8000, 16000]);
  });

  it('never makes the account wait from another address', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 50; i++) throttle.failed('203.0.113.9', 'camille@region.fr', 0);
    expect(code(() => throttle.check('203.0.113.9', 'camille@region.fr', 1))).toBe('LOGIN_THROTTLED');
    expect(code(() => throttle.check('198.51.100.7', 'camille@region.fr', 1))).toBeUndefined();
  });
});
