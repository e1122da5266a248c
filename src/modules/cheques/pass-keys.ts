/**
 * The town's Ed25519 key pair for the Pass Famille Solo: generated on first use and kept
 * under DATA_DIR/keys (never in the repository). Written whole to a temporary file then
 * linked into place, so that two processes starting together end up with the same key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPair } from './pass-token';

export interface PassKeys {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  /** SPKI PEM of the public key, as served to partners' offline checkers. */
  publicPem: string;
}

const cache = new Map<string, PassKeys>();

export function passKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'cheques-pass-ed25519.pem');
}

export function loadPassKeys(dataDir: string): PassKeys {
  const file = passKeyFile(dataDir);
  const cached = cache.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const pem = generateKeyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, pem, { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      // Another process linked its key first: use that one.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(file, 'utf8'));
  const publicKey = crypto.createPublicKey(privateKey);
  const keys = { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  cache.set(file, keys);
  return keys;
}
