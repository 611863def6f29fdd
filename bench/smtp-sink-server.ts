/** A loopback SMTP server in its own process for the delivery bench: prints "PORT n", then "RECEIVED n" when told to stop (SIGTERM). */
import { startSmtpSink } from '../test/smtp-sink.js';

const sink = await startSmtpSink();
console.log(`PORT ${sink.port}`);
process.on('SIGTERM', () => {
  console.log(`RECEIVED ${sink.received.length}`);
  void sink.stop().then(() => process.exit(0));
});
