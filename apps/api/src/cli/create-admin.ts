import { parseArgs } from 'node:util';
import { StaffRole } from '@palabre/contracts';
import { AdminInputError, createStaffAccount } from './admin';
import { cliConfig, openCliDatabase } from './database';
import { readPassword } from './prompt';

const USAGE = `Usage: npm run admin:create -- --email <email> --name "<display name>" [--role admin|organiser|facilitator] [--reset]
A new account is an admin unless --role says otherwise. --reset replaces the password of an
existing account, keeps its name and role unless --name or --role is given, and signs it out
everywhere (its staff tokens stop working).
The password is read from ADMIN_PASSWORD, or asked for (twice) when run in a terminal.
Uses the server's configuration: DATABASE_URL, else the embedded database under DATA_DIR (stop the server first).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help || !values.email || (!values.name && !values.reset)) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const role = values.role === undefined ? undefined : StaffRole.safeParse(values.role);
  if (role && !role.success) throw new AdminInputError(`--role: one of ${StaffRole.options.join(', ')}`);
  const password = process.env.ADMIN_PASSWORD ?? (await readPassword());

  const db = await openCliDatabase(cliConfig());
  try {
    if (db.applied.length > 0) console.log(`Applied ${db.applied.length} migration(s) first.`);
    const { account, created } = await createStaffAccount(db.dataSource, { email: values.email, name: values.name, password, role: role?.data, reset: values.reset });
    console.log(`${created ? 'Created' : 'Updated'} ${account.role} account ${account.email} (${account.displayName}) in the ${db.describe}.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof AdminInputError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
