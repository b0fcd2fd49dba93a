import { ROUTES } from '@palabre/contracts';
import type { TestApp } from '../../common/testing/harness';
import { appForTests } from '../../common/testing/lifecycle';
import { openApiPath } from './openapi';

describe('API documentation (real app)', () => {
  let t: TestApp;
  appForTests((app) => (t = app));

  it('describes every route of the contracts in openapi.json, with its method, auth and schemas', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200).expect('Content-Type', /application\/json/);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { operationId: string; security?: unknown; requestBody?: unknown; responses: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const [key, def] of Object.entries(ROUTES)) {
      const op = doc.paths[openApiPath(def.path).path]?.[def.method.toLowerCase()];
      expect({ key, operationId: op?.operationId }).toEqual({ key, operationId: key });
      expect({ key, secured: Boolean(op?.security) }).toEqual({ key, secured: def.auth !== 'public' });
      if (def.body && !def.contentType) expect(op?.requestBody).toBeDefined();
    }
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(Object.keys(ROUTES).length);
  });

  it('documents request fields from the zod schemas, descriptions included', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    const join = res.body.paths['/api/sessions/join'].post;
    const schema = join.requestBody.content['application/json'].schema;
    // Join by code or by personal invitation (screens are paired by staff): one schema per form.
    expect(schema.anyOf).toHaveLength(2);
    expect(schema.anyOf[0].properties.displayName.description).toBe('Name shown to the room');
    expect(schema.anyOf[1].required).toEqual(['invitation']);
    expect(res.body.paths['/api/sessions/{id}/snapshot'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    // Query parameters come from the route's query schema, the one requests are checked against.
    const search = res.body.paths['/api/archive'].get.parameters;
    expect(search).toEqual([expect.objectContaining({ name: 'q', in: 'query', required: false, description: 'Words searched in titles, dates, ideas and syntheses' })]);
  });

  it('serves a human page listing the routes, with no script and a strict Content-Security-Policy', async () => {
    const res = await t.http().get('/api/docs').expect(200).expect('Content-Type', /text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.text).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    for (const def of Object.values(ROUTES)) expect(res.text).toContain(`${def.method} ${def.path}`);
    expect(res.text).toContain('href="/api/docs/openapi.json"');
  });
});
