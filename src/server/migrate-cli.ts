/** `npm run migrate`: brings the configured database to the latest schema and exits. */
import { loadConfig } from './config.js';
import { startApp } from './start.js';

const { app } = await startApp(loadConfig(), { logger: false });
await app.close();
console.log('Migrations are current.');
