/** @module atomic-write: write-to-temp, fsync, rename — a reader sees the old file or the whole new one. */
import { open, rename, mkdir, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Flushes a file or folder to disk. */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurable(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Parts smaller than this are gathered into one buffer of this size before they are written. */
const GATHER_BYTES = 4 * 1024 * 1024;

/**
 * Writes parts one after another, then flushes the file to disk. Large parts are written as they are (no
 * concatenated copy); small ones are gathered, so that a million of them do not cost a million writes.
 */
export async function writePartsDurable(path: string, parts: Iterable<Uint8Array>): Promise<void> {
  const handle = await open(path, 'w');
  const writeAll = async (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
  };
  try {
    const gathered = new Uint8Array(GATHER_BYTES);
    let filled = 0;
    for (const part of parts) {
      const large = part.length >= GATHER_BYTES / 4;
      if (filled > 0 && (large || filled + part.length > GATHER_BYTES)) {
        await writeAll(gathered.subarray(0, filled));
        filled = 0;
      }
      if (large) await writeAll(part);
      else {
        gathered.set(part, filled);
        filled += part.length;
      }
    }
    if (filled > 0) await writeAll(gathered.subarray(0, filled));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFileDurable(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
  await fsyncPath(dir);
}
