/**
 * Standard input as a table: the readers read a file twice (a checking pass,
 * then the rows), so the bytes are first copied to a private scratch file:
 * created exclusively, owner-only, beside the database (where the office's
 * personal data already lives, rather than a shared temporary folder), and
 * removed when the import ends.
 */
import { dirname, join, resolve } from 'node:path';
import { ValidationError } from '../errors.js';
import { t } from '../messages/catalogue.js';
import { createPrivateTemp } from './output-file.js';

export interface StdinCopy {
  path: string;
  discard(): void;
}

export async function copyStdin(besideDb: string, input: NodeJS.ReadStream = process.stdin): Promise<StdinCopy> {
  if (input.isTTY === true) {
    throw new ValidationError(
      t('standard input is a terminal: pipe a file into parvande (… - < clients.csv) or give the file name'),
      'file',
    );
  }
  const temp = createPrivateTemp(join(dirname(resolve(besideDb)), 'standard-input'), 'file');
  try {
    for await (const chunk of input) temp.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
    temp.close();
  } catch (err) {
    temp.discard();
    throw err;
  }
  return { path: temp.path, discard: () => temp.discard() };
}
