import 'reflect-metadata';
import { resolve } from 'node:path';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { LiveIoAdapter } from './common/live/live-io.adapter';
import { startBenchStats } from './diagnostics/bench-stats.server';
import { Readiness } from './modules/health/readiness';
import { createRedisAdapter } from './common/live/redis-adapter';
import type { RedisState } from './common/live/redis-state';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { runMigrations } from './database/migrate';
import type { DatabaseTarget } from './database/options';
import { seedDemo } from './seed/demo';
import { hasWebApp, webAppRouter } from './common/http/web-app';

export interface RunningPalabre {
  app: INestApplication;
  url: string;
  port: number;
  db: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Embedded database in memory instead of under DATA_DIR (tests). */
  inMemory?: boolean;
  logger?: LogLevel[] | false;
}

/**
 * Connections the kernel holds for us while the event loop is busy. libuv accepts one
 * connection per loop turn, so during a join rush (250 phones a second, each opening a
 * request and a websocket) the queue grows whenever a turn is long; past Node's default of
 * 511 the kernel drops the connection attempts (phones retry after 1, 3, 7 s, then fail).
 * Capped by the kernel's net.core.somaxconn (4096 on current Linux).
 */
const LISTEN_BACKLOG = 4096;

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['error'],
  warn: ['error', 'warn'],
  log: ['error', 'warn', 'log'],
  debug: ['error', 'warn', 'log', 'debug'],
};

/** Starts one Palabre node: database (server or embedded), migrations, HTTP + socket.io, demo seed. */
export async function startPalabre(config: AppConfig, options: StartOptions = {}): Promise<RunningPalabre> {
  let embedded: EmbeddedDatabase | undefined;
  let target: DatabaseTarget;
  if (config.databaseUrl) target = { url: config.databaseUrl, poolSize: config.dbPoolSize };
  else {
    embedded = await startEmbeddedDatabase(options.inMemory ? undefined : config.dataDir);
    target = { host: embedded.host, port: embedded.port, poolSize: 1, migrationsRun: true };
  }
  // A server database may be shared by several nodes: migrate under an advisory lock first.
  if (!embedded) await runMigrations(target);

  const redisState: RedisState = { configured: Boolean(config.redisUrl), up: false, embeddedDatabase: Boolean(embedded) };
  const redis = config.redisUrl ? createRedisAdapter(config.redisUrl, redisState) : undefined;
  const redisClients = redis?.clients ?? [];
  const adapter = redis?.adapter;

  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, target, redisState), {
      bodyParser: false,
      logger: options.logger ?? LEVELS[config.logLevel],
      abortOnError: false,
    });
  } catch (error) {
    for (const c of redisClients) c.disconnect();
    await embedded?.stop();
    throw error;
  }
  app.disable('x-powered-by');
  // No ETag on API answers: each is computed by hashing the whole body (a big board's snapshot is
  // megabytes) and no client sends If-None-Match. The web app's files keep theirs (serve-static).
  app.set('etag', false);
  // req.ip is the client's address: X-Forwarded-For is read only when the peer is a trusted proxy.
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", liveSocketOrigin(config.publicUrl)],
          objectSrc: ["'none'"],
          // Only Palabre may frame Palabre: the confidence monitor shows the projector page in a frame.
          frameAncestors: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // API answers carry tokens and personal data: no browser or proxy keeps them (a route may say otherwise).
  app.use('/api', (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', express.json({ limit: '64kb' }), express.text({ type: ['text/csv', 'text/plain'], limit: '2mb' }));
  app.useWebSocketAdapter(new LiveIoAdapter(app, config.allowedOrigins, adapter));
  serveWebApp(app, config);

  // Nest passes extra arguments on to http.Server#listen(port, host, backlog).
  const listen = app.listen.bind(app) as unknown as (port: number, host: string, backlog: number) => Promise<unknown>;
  try {
    // Runs the lifecycle hooks first: a kind without its full contract stops the start here.
    await listen(config.port, config.host, LISTEN_BACKLOG);
  } catch (error) {
    await app.close().catch(() => undefined);
    for (const c of redisClients) c.disconnect();
    await embedded?.stop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const db = app.get(DataSource);
  if (config.seedDemo) await seedDemo(app, config);
  // Migrations ran before the app listened; with the demo seeded, health answers OK.
  app.get(Readiness).markReady();
  const benchStats = config.benchDiagnosticsPort === undefined ? undefined : await startBenchStats(config.benchDiagnosticsPort);

  let closed = false;
  return {
    app,
    url,
    port: address.port,
    db,
    config,
    async close() {
      if (closed) return;
      closed = true;
      await benchStats?.close();
      await app.close();
      for (const c of redisClients) c.disconnect();
      await embedded?.stop();
    },
  };
}

/** The live socket's origin as the CSP names it: the public address with ws: or wss:. */
export function liveSocketOrigin(publicUrl: string): string {
  const url = new URL(publicUrl);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/** In production one process serves the built web app too (compressed assets, SPA fallback). */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.webDist ? resolve(config.webDist) : resolve(__dirname, '../../web/dist');
  if (hasWebApp(dist)) app.use(webAppRouter(dist));
}
