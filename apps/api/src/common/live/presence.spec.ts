import { PRESENCE_DELIVERY_BUDGET, PRESENCE_MAX_INTERVAL_MS, PRESENCE_MIN_INTERVAL_MS, presenceInterval } from './presence.service';

describe('presenceInterval: presence broadcasts thin out in large rooms', () => {
  it('stays at twice a second up to 2,500 sockets', () => {
    for (const audience of [0, 3, 1000, 2500]) expect(presenceInterval(audience)).toBe(PRESENCE_MIN_INTERVAL_MS);
    expect(PRESENCE_MIN_INTERVAL_MS).toBe(500);
  });

  it('keeps audience × rate within 5,000 deliveries a second above that', () => {
    expect(presenceInterval(5000)).toBe(1000);
    for (const audience of [2501, 3000, 4321, 9999]) expect((audience * 1000) / presenceInterval(audience)).toBeLessThanOrEqual(PRESENCE_DELIVERY_BUDGET);
  });

  it('still tells the room at least every 2 s', () => {
    expect(presenceInterval(100_000)).toBe(PRESENCE_MAX_INTERVAL_MS);
    expect(PRESENCE_MAX_INTERVAL_MS).toBe(2000);
  });
});
