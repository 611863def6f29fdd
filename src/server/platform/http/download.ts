/** A file for the browser to save: exports, reports. Named after what it holds; never cached (it may hold the association's data). */
import type { FastifyReply } from 'fastify';

export interface DownloadFile {
  filename: string;
  type: string;
  body: string | Buffer;
}

export const download = (reply: FastifyReply, file: DownloadFile) =>
  reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.body);
