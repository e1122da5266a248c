/**
 * Uploaded justificatifs: every file is checked (content, type, size) before anything is
 * written; the files are written outside the web root under unguessable names, then
 * recorded in the caller's transaction; if that transaction fails they are removed, so a
 * request is never left with half its documents.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { uploadsDir, type Acting } from './acting.service';
import { checkUpload, UPLOAD_TYPES, type UploadType } from './file-check';
import * as store from './requests.store';

export interface UploadInput {
  kind: string;
  name: string;
  mimeType: string;
  base64: string;
}

export interface WrittenUpload {
  kind: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  storageName: string;
}

/** Checks every file (field paths under `prefix`), then writes them all; nothing is written when one is refused. */
export async function writeUploads(ctx: Ctx, uploads: readonly UploadInput[], prefix: (i: number) => string): Promise<WrittenUpload[]> {
  const checked = uploads.map((u, i) => {
    const bytes = Buffer.from(u.base64, 'base64');
    const problem = checkUpload(bytes, u.mimeType);
    const at = prefix(i);
    if (problem === 'empty') throw new AppError('aides/file-empty', { fields: [{ path: `${at}base64`, message: 'Le fichier est vide.' }] });
    if (problem === 'too-large') throw new AppError('aides/file-too-large', { fields: [{ path: `${at}base64`, message: 'Le fichier dépasse 5 Mo.' }] });
    if (problem === 'type') throw new AppError('aides/file-type', { fields: [{ path: `${at}mimeType`, message: 'Formats acceptés : PDF, JPEG ou PNG.' }] });
    return { u, bytes };
  });
  if (!checked.length) return [];
  await fs.mkdir(uploadsDir(ctx), { recursive: true, mode: 0o700 });
  const written: WrittenUpload[] = [];
  try {
    for (const { u, bytes } of checked) {
      // Unguessable name, no personal data in it; the folder is outside the served web root.
      const storageName = `${crypto.randomBytes(24).toString('base64url')}.${UPLOAD_TYPES[u.mimeType as UploadType]}`;
      await fs.writeFile(path.join(uploadsDir(ctx), storageName), bytes, { mode: 0o600 });
      written.push({ kind: u.kind, name: u.name.slice(0, 200), mimeType: u.mimeType, sizeBytes: bytes.length, storageName });
    }
  } catch (err) {
    await removeUploads(ctx, written);
    throw err;
  }
  return written;
}

export async function removeUploads(ctx: Ctx, written: readonly WrittenUpload[]): Promise<void> {
  for (const w of written) await fs.rm(path.join(uploadsDir(ctx), w.storageName), { force: true });
}

/** Runs `work` (the transaction that records the files); removes the files when it fails. */
export async function withUploads<T>(ctx: Ctx, written: readonly WrittenUpload[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    await removeUploads(ctx, written);
    throw err;
  }
}

/** Records the written files as the request's documents, each with its event. Returns the documents' ids. */
export async function recordUploads(t: Tx, ctx: Ctx, requestId: string, who: Acting, written: readonly WrittenUpload[]): Promise<string[]> {
  const ids: string[] = [];
  for (const w of written) {
    ids.push(
      await store.insertDocument(
        t,
        {
          requestId,
          kind: w.kind,
          householdDocumentId: null,
          storageName: w.storageName,
          originalName: w.name,
          mimeType: w.mimeType,
          sizeBytes: w.sizeBytes,
          by: who.userId,
          mandateId: who.mandateId,
        },
        ctx.now(),
      ),
    );
    await store.addEvent(
      t,
      {
        requestId,
        actorId: who.userId,
        actorRole: who.role,
        mandateId: who.mandateId,
        kind: 'document-added',
        from: null,
        to: null,
        detail: { kind: w.kind },
      },
      ctx.now(),
    );
  }
  return ids;
}
