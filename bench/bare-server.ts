/** The physical limit for the benchmarks: a bare Fastify route, same Node, same machine. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok' }));
// PORT=0: the kernel picks the port, and the benchmark reads it back (bound-port.ts).
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
