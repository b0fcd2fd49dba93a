// `npm run build`: builds what is missing or stale (`-- --force` rebuilds everything).
import { ensureBuilt } from './lib/build.mjs';

try {
  const built = await ensureBuilt({ force: process.argv.includes('--force') });
  if (built.length === 0) console.log('Everything is up to date.');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
