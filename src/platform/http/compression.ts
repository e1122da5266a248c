/**
 * API answers compressed on the way out (issue 18: the directory's JSON travelled raw).
 * The web app's files are compressed once at build (scripts/compress-web.ts) and sent as
 * they are; this covers what routes answer: JSON, CSV, calendars, text. Brotli at its
 * plugin default (quality 4: cheap on the CPU), gzip for older clients; bodies under 1 kB
 * go as they are. Requests are not decompressed (bodies stay within the body limit as sent).
 * Must be registered before the routes: it attaches itself to each route as it is declared.
 */
import compress from '@fastify/compress';
import type { App } from './types';

const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/(?!event-stream))/;

export async function registerCompression(app: App): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: COMPRESSIBLE,
  });
}
