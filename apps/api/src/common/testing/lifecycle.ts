import type { AppConfig } from '../../config/config';
import { TestApp } from './harness';

/**
 * One real app for the tests of a describe block: started before them, closed (its database
 * dropped) after. `use` receives it, so tests keep a plain variable:
 *   let t: TestApp;
 *   appForTests((app) => (t = app));
 * The start timeout is generous: the embedded database is slow to start on a loaded machine,
 * and seeding the demo adds its hundreds of members.
 */
export function appForTests(use: (app: TestApp) => void, overrides: Partial<AppConfig> = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await TestApp.start(overrides);
    use(app);
  }, overrides.seedDemo ? 300_000 : 120_000);
  afterAll(async () => {
    await app?.close();
  });
}
