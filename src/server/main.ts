/** Process entry: config, database, migrations, app, listen, graceful shutdown. */
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { startApp } from './start.js';

const config = loadConfig();
const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));
const { app, beginShutdown } = await startApp(config, { webRoot });
let keepAlive: NodeJS.Timeout | undefined;
if (config.serveHttp) {
  // With PORT=0 the system picks the port: the address said here is the one bound, then the one people use.
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`Grannstöd is listening on ${address} (public address ${config.publicUrl})`);
} else {
  // A worker process (BACKGROUND_WORK=only): the workers started with the app; no port is opened. Their timers
  // are unref'd so that they never hold a closing server open; here nothing else would keep the process alive.
  await app.ready();
  keepAlive = setInterval(() => {}, 60 * 60 * 1000);
  app.log.info(`Grannstöd runs the background work only, without HTTP (links in mail point to ${config.publicUrl})`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info(`${signal}: finishing requests in flight`);
  beginShutdown();
  const force = setTimeout(() => {
    app.log.warn('shutdown grace period over; exiting');
    process.exit(1);
  }, config.shutdownGraceSeconds * 1000);
  force.unref();
  await app.close();
  clearInterval(keepAlive);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
