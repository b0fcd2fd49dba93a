import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import helmet from 'helmet';
import Redis from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { LiveIoAdapter } from './common/realtime/live-io.adapter';
import type { RedisState } from './common/realtime/redis-state';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { runMigrations } from './database/migrate';
import type { DatabaseTarget } from './database/options';
import { seedDemo } from './seed/demo';

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
  const redisClients: Redis[] = [];
  let adapter: ServerOptions['adapter'] | undefined;
  if (config.redisUrl) {
    const pub = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    const sub = pub.duplicate();
    const log = new Logger('Redis');
    for (const client of [pub, sub]) {
      // Every Redis client has an error handler: a Redis outage degrades to a single node, it never crashes it.
      client.on('error', (e: Error) => log.warn(`redis: ${e.message}`));
      client.on('ready', () => (redisState.up = pub.status === 'ready' && sub.status === 'ready'));
      client.on('end', () => (redisState.up = false));
      client.on('close', () => (redisState.up = false));
      redisClients.push(client);
    }
    adapter = createAdapter(pub, sub, { requestsTimeout: 3000 }) as unknown as ServerOptions['adapter'];
  }

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
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('/api', express.json({ limit: '64kb' }), express.text({ type: ['text/csv', 'text/plain'], limit: '2mb' }));
  app.useWebSocketAdapter(new LiveIoAdapter(app, config.allowedOrigins, adapter));
  serveWebApp(app, config);

  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const db = app.get(DataSource);
  if (config.seedDemo) await seedDemo(app, config);

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
      await app.close();
      for (const c of redisClients) c.disconnect();
      await embedded?.stop();
    },
  };
}

/** In production one process serves the built web app too; unknown non-API paths get index.html (SPA). */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.webDist ? resolve(config.webDist) : resolve(__dirname, '../../web/dist');
  if (!existsSync(join(dist, 'index.html'))) return;
  app.useStaticAssets(dist, { index: false, maxAge: '1h' });
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    res.sendFile(join(dist, 'index.html'));
  });
}
