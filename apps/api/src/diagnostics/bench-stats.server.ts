import { createServer, type Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What `npm run bench` reads from the API process (never served in production: see startBenchStats). */
export interface BenchStats {
  /** process.memoryUsage() right after a full GC when the process runs with --expose-gc. */
  memory: NodeJS.MemoryUsage;
  gcForced: boolean;
  /** Event-loop delay since the last reset, in milliseconds. */
  eventLoop: { p50: number; p99: number; max: number; mean: number };
  /** Cumulative process.cpuUsage() in microseconds (the bench takes deltas). */
  cpu: NodeJS.CpuUsage;
  uptimeSeconds: number;
}

export interface BenchStatsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A tiny HTTP server on 127.0.0.1 beside the API, started only when BENCH_DIAGNOSTICS_PORT is set.
 * It lives outside `/api` on purpose: it is not part of the product's routes or permissions,
 * and it answers on loopback only. `GET /stats?reset=1` resets the event-loop histogram so the
 * bench can read the delay of one measurement window.
 */
export async function startBenchStats(port: number): Promise<BenchStatsServer> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const gc = (globalThis as { gc?: () => void }).gc;
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/stats') {
      res.writeHead(404).end();
      return;
    }
    // Two passes: the first may only promote survivors, the second frees what became garbage.
    if (gc) {
      gc();
      gc();
    }
    const stats: BenchStats = {
      memory: process.memoryUsage(),
      gcForced: Boolean(gc),
      eventLoop: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) },
      cpu: process.cpuUsage(),
      uptimeSeconds: process.uptime(),
    };
    if (url.searchParams.get('reset') === '1') histogram.reset();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        histogram.disable();
        server.close(() => resolve());
      }),
  };
}
