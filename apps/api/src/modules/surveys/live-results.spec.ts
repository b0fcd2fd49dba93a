import { RESULTS_DELIVERY_BUDGET, RESULTS_MAX_INTERVAL_MS, RESULTS_MIN_INTERVAL_MS, resultsInterval } from './live-results.service';

describe('resultsInterval: the results period follows the audience within a deliveries budget', () => {
  it('sends up to 10 updates a second to a room of up to 2,000 sockets', () => {
    for (const audience of [0, 1, 30, 1000, 2000]) expect(resultsInterval(audience)).toBe(RESULTS_MIN_INTERVAL_MS);
    expect(RESULTS_MIN_INTERVAL_MS).toBe(100);
  });

  it('slows down in proportion above that, keeping audience × rate within 20,000 deliveries a second', () => {
    expect(resultsInterval(2001)).toBe(101);
    expect(resultsInterval(3000)).toBe(150);
    expect(resultsInterval(4000)).toBe(200);
    for (const audience of [2001, 2500, 3333, 4999]) {
      expect((audience * 1000) / resultsInterval(audience)).toBeLessThanOrEqual(RESULTS_DELIVERY_BUDGET);
    }
  });

  it('never goes below 4 updates a second, even for the largest rooms', () => {
    expect(resultsInterval(5000)).toBe(250);
    expect(resultsInterval(50_000)).toBe(RESULTS_MAX_INTERVAL_MS);
    expect(RESULTS_MAX_INTERVAL_MS).toBe(250);
  });

  it('never shortens as the audience grows', () => {
    let previous = 0;
    for (let audience = 0; audience <= 6000; audience += 7) {
      const interval = resultsInterval(audience);
      expect(interval).toBeGreaterThanOrEqual(previous);
      previous = interval;
    }
  });

  it('treats a negative audience (a bug upstream) as an empty room', () => {
    expect(resultsInterval(-5)).toBe(RESULTS_MIN_INTERVAL_MS);
  });
});
