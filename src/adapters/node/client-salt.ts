/**
 * @module client-salt: the secret salt of the client hashes, made once and kept in the data dir. It is created
 * atomically and exclusively (written to a temporary file, then hard-linked into place), so two processes starting
 * together end up with the same salt and a crash never leaves a partial one.
 */
import { chmod, link, mkdir, readFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../core/errors.js';
import { fsyncPath, writeFileDurable } from './atomic-write.js';

const SALT = /^[0-9a-f]{64}$/;

async function readSalt(path: string): Promise<Uint8Array | undefined> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (!SALT.test(text)) throw new AppError('config_invalid', `${path} is not a client salt (64 hex digits); move it away to make a new one.`);
  return Buffer.from(text, 'hex');
}

export async function loadClientSalt(path: string): Promise<Uint8Array> {
  const existing = await readSalt(path);
  if (existing) return existing;
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFileDurable(tmp, `${randomBytes(32).toString('hex')}\n`);
    await chmod(tmp, 0o600);
    await link(tmp, path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  } finally {
    await unlink(tmp).catch(() => {});
  }
  await fsyncPath(dir);
  return (await readSalt(path))!;
}
