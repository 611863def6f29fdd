/** `npm run demo`: fills a fresh database (DATABASE_URL) with Grannstöd Huddinge and prints the demo sign-ins. */
import { loadConfig } from '../config.js';
import { startApp } from '../start.js';
import { AppError } from '../platform/errors.js';
import { DEMO_PASSWORD, fillDemo } from './demo.js';

const config = loadConfig();
const { app, ctx } = await startApp(config, { logger: false });
try {
  const signIns = await fillDemo(ctx);
  console.log(`Demo association "Grannstöd Huddinge" created in ${config.databaseUrl}.`);
  console.log(`Start with "npm start" and sign in at ${config.publicUrl} — every demo account has the password: ${DEMO_PASSWORD}\n`);
  console.table(signIns);
} catch (err) {
  if (err instanceof AppError && err.code === 'setup_done') {
    console.error(
      `The database ${config.databaseUrl} already holds an association. The demo fills only a fresh database:\nremove ./data (SQLite) or point DATABASE_URL at an empty database, then run "npm run demo" again.`,
    );
    process.exitCode = 1;
  } else {
    throw err;
  }
} finally {
  await app.close();
}
