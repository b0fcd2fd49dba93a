// Small numeric helpers for the bench: percentiles, rates, table formatting.

/** Nearest-rank percentile of an array of numbers (ms); NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summary(values) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: values.length ? Math.max(...values) : Number.NaN };
}

export function fmt(value, digits = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "12 (×1.4)": a Palabre figure with its ratio to the baseline's. */
export function withRatio(value, base, digits = 0) {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (base === undefined || Number.isNaN(base) || base === 0) return fmt(value, digits);
  return `${fmt(value, digits)} (×${fmt(value / base, 1)})`;
}

/** Renders rows (arrays of strings) as a fixed-width text table with a header. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
