import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/config';
import { startPalabre } from './bootstrap';
import { SessionsService } from './modules/sessions/sessions.service';
import { DEMO } from './seed/demo';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const started = Date.now();
  const palabre = await startPalabre(config);
  const log = new Logger('Palabre');
  log.log(`Palabre est prêt sur ${config.publicUrl} (${Date.now() - started} ms, base ${config.databaseUrl ? 'PostgreSQL' : `embarquée sous ${config.dataDir}`})`);
  if (config.seedDemo) {
    // The demo assembly's public follow-up page (docs/follow-up.md, "The demo"), read before the lines are logged: start.mjs boxes them together.
    const demoAssemblyId = await palabre.app.get(SessionsService).assemblyIdByJoinCode(DEMO.joinCode);
    log.log(`Animation : ${config.publicUrl}/staff/login — ${DEMO.facilitator.email} / ${DEMO.facilitator.password}`);
    log.log(`Séance de démonstration : code ${DEMO.joinCode} — ${config.publicUrl}/join/${DEMO.joinCode}`);
    log.log(`Écran : ${config.publicUrl}/screen/${DEMO.joinCode}`);
    if (demoAssemblyId) log.log(`Suivi des recommandations (public) : ${config.publicUrl}/follow-up/${demoAssemblyId}`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} reçu : arrêt propre…`);
    await palabre.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
