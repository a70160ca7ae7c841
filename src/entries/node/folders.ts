/** @module folders: the corpus and upload folders checked before anything is indexed, each problem in one line. */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { relative, resolve, isAbsolute } from 'node:path';
import { DEFAULT_UPLOAD_DIR, type Config } from '../../config.js';
import { AppError } from '../../core/errors.js';
import { UPLOADS } from '../../core/index/uploads.js';

const inside = (dir: string, parent: string) => {
  const rel = relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The corpus folder must exist: an empty index served from a mistyped path would look like a bot that knows nothing. */
export async function checkCorpusDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new AppError('config_invalid', `CORPUS_DIR: ${resolve(dir)} ${info ? 'is not a folder' : 'does not exist'}; create it or point CORPUS_DIR at the documents' folder.`);
  }
  // Uploaded documents are named uploads/<name>; a corpus folder of that name would share their names.
  if (await stat(resolve(dir, UPLOADS)).catch(() => undefined)) {
    throw new AppError('config_invalid', `CORPUS_DIR: ${resolve(dir, UPLOADS)} is named like the uploaded documents (${UPLOADS}/…); rename it.`);
  }
}

/**
 * The upload folder, outside the corpus folder and writable. The default one is created when missing; one named in
 * UPLOAD_DIR must exist, since a mistyped path would leave every uploaded document out of the index.
 */
export async function checkUploadDir(config: Pick<Config, 'UPLOAD_DIR' | 'CORPUS_DIR'>): Promise<string> {
  const dir = resolve(config.UPLOAD_DIR);
  const corpus = resolve(config.CORPUS_DIR);
  if (inside(dir, corpus) || inside(corpus, dir)) {
    throw new AppError('config_invalid', `UPLOAD_DIR: ${dir} and CORPUS_DIR ${corpus} overlap; uploads must go to a folder of their own, outside the corpus folder.`);
  }
  if (config.UPLOAD_DIR === DEFAULT_UPLOAD_DIR) {
    await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new AppError('config_invalid', `UPLOAD_DIR: ${dir} could not be created (${e.code ?? e.message}); create it or point UPLOAD_DIR at a writable folder.`);
    });
  }
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new AppError('config_invalid', `UPLOAD_DIR: ${dir} ${info ? 'is not a folder' : 'does not exist'}; create it or point UPLOAD_DIR at the folder for uploaded documents.`);
  }
  await access(dir, constants.W_OK).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('config_invalid', `UPLOAD_DIR: ${dir} is not writable (${e.code ?? e.message}); give the server write access or point UPLOAD_DIR elsewhere.`);
  });
  return dir;
}
