/**
 * Records everything the process prints while it runs — the Nest logger, TypeORM's logger,
 * express's error handler, any stray console call — by wrapping stdout, stderr and console.
 * Jest replaces `console` in a test file, so both are wrapped.
 */
export interface OutputCapture {
  /** All that was printed so far, in order. */
  text(): string;
  restore(): void;
}

/** `echo: false` keeps what is printed out of the test run's own output. */
export function captureOutput({ echo = true }: { echo?: boolean } = {}): OutputCapture {
  const chunks: string[] = [];
  const record = (args: unknown[]) => {
    chunks.push(args.map((a) => (a instanceof Error ? `${a.stack ?? a.message}` : typeof a === 'string' ? a : safeJson(a))).join(' '));
  };
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((s) => s.write);
  for (const stream of streams) {
    const original = stream.write;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      if (!echo) return true;
      return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((m) => console[m]);
  for (const m of methods) {
    const original = console[m];
    console[m] = (...args: unknown[]) => {
      record(args);
      if (echo) original.apply(console, args);
    };
  }
  return {
    text: () => chunks.join('\n'),
    restore() {
      streams.forEach((s, i) => (s.write = writes[i]));
      methods.forEach((m, i) => (console[m] = originals[i]));
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
