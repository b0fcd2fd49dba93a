// `npm run build`: builds what is missing or stale (`-- --force` rebuilds everything, `-- --api-only` skips the web app).
import { ensureBuilt } from './lib/build.mjs';

try {
  const built = await ensureBuilt({ force: process.argv.includes('--force'), skip: process.argv.includes('--api-only') ? ['apps/web'] : [] });
  if (built.length === 0) console.log('Everything is up to date.');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
