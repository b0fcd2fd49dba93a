import { Logger, type INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { seedDemoStaff } from '../modules/auth/auth.demo';
import { RosterService } from '../modules/sessions/roster.service';
import { demoSessionExists, seedDemoSession } from '../modules/sessions/sessions.demo';
import { demoRoster } from './roster-data';
import { DEMO_SEEDERS } from './seeders';

export const DEMO = {
  assembly: 'Assemblée des Territoires — Occitanie',
  title: 'Session plénière — contrats territoriaux 2022-2027',
  joinCode: 'OCCITANIE',
  /** The organiser's projector colours and logo (a plain badge). */
  theme: {
    primary: '#9b1b30',
    logo: `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#9b1b30"/><text x="60" y="27" font-family="sans-serif" font-size="18" font-weight="700" fill="#fff" text-anchor="middle">Occitanie</text></svg>').toString('base64')}`,
  },
  facilitator: { email: 'animation@palabre.test', password: 'demo-palabre-2026', displayName: 'Camille Animation' },
  organiser: { email: 'organisation@palabre.test', password: 'demo-palabre-2026', displayName: 'Service Contractualisation' },
  /** The Region's instructing service of the follow-up (docs/follow-up.md). */
  instructor: { email: 'instruction@palabre.test', password: 'demo-palabre-2026', displayName: 'Direction des territoires' },
} as const;

/** Seeds the demo assembly, roster, plenary and staff accounts once (idempotent: keyed by the join code). */
export async function seedDemo(app: INestApplication, config: AppConfig): Promise<void> {
  const db = app.get(DataSource).manager;
  if (await demoSessionExists(db, DEMO.joinCode)) return;
  const log = new Logger('Seed');
  const facilitatorId = await seedDemoStaff(db, [['facilitator', DEMO.facilitator], ['organiser', DEMO.organiser], ['instructor', DEMO.instructor]], DEMO.facilitator.email);
  const session = await seedDemoSession(db, { name: DEMO.assembly, theme: DEMO.theme }, {
    title: DEMO.title,
    date: '2026-12-03',
    joinCode: DEMO.joinCode,
    accessMode: 'open',
    state: 'live',
    createdBy: facilitatorId,
  });
  const csv = ['name;email;perimeter;territoryType;category;gender', ...demoRoster().map((m) => [m.name, m.email, m.perimeter, m.territoryType, m.category, m.gender].join(';'))].join('\n');
  const report = await app.get(RosterService).importCsv(session.id, csv);
  for (const seeder of DEMO_SEEDERS) await seeder(app, { sessionId: session.id, facilitatorAccountId: facilitatorId, config });
  log.log(`Démo : ${report.imported} membres, séance ${DEMO.joinCode}`);
}
