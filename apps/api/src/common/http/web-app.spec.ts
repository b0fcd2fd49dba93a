import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { webAppRouter } from './web-app';

const script = Buffer.from(`console.log(${JSON.stringify('Palabre '.repeat(200))});\n`);
const dist = mkdtempSync(join(tmpdir(), 'palabre-web-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Palabre</title>');
writeFileSync(join(dist, 'assets/index-abc.js'), script);
writeFileSync(join(dist, 'assets/index-abc.js.gz'), gzipSync(script, { level: 9 }));
writeFileSync(join(dist, 'assets/index-abc.js.br'), brotliCompressSync(script));
writeFileSync(join(dist, 'assets/plain-def.js'), 'export {};\n');
writeFileSync(join(tmpdir(), 'palabre-secret.txt'), 'secret');

const app = express();
app.use(webAppRouter(dist));
app.use((_req, res) => res.status(404).json({ error: { code: 'NOT_FOUND' } }));

afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'palabre-secret.txt'), { force: true });
});

let server: Server;
beforeAll(() => new Promise<void>((resolve) => (server = app.listen(0, '127.0.0.1', () => resolve()))));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The bytes as sent (an HTTP client library would decode gzip and Brotli and hide the encoding). */
function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('web app serving', () => {
  it('sends the gzipped copy of a script to a browser that accepts gzip', async () => {
    const res = await raw('/assets/index-abc.js', 'gzip, deflate');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(res.body).toEqual(gzipSync(script, { level: 9 }));
  });

  it('prefers Brotli when the browser accepts it', async () => {
    const res = await raw('/assets/index-abc.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body).toEqual(brotliCompressSync(script));
  });

  it('sends the plain file when no encoding is accepted or no compressed copy exists', async () => {
    const identity = await raw('/assets/index-abc.js', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toEqual(script);
    const plain = await raw('/assets/plain-def.js', 'gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers the page for app routes, and 404 for a missing asset or an API path', async () => {
    const page = await request(app).get('/join/OCCITANIE');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Palabre</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await request(app).get('/assets/gone-123.js').set('Accept-Encoding', 'gzip')).status).toBe(404);
    expect((await request(app).get('/api/nothing')).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    const res = await request(app).get('/assets/..%2f..%2fpalabre-secret.txt').set('Accept-Encoding', 'gzip');
    expect(res.text).not.toContain('secret');
  });
});
