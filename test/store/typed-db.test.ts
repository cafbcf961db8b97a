/**
 * Read and write connections are types (src/store/database.ts): `Db.read` hands its
 * function a ReadableDB, `Db.write` a WritableDB, and store functions that write take
 * a WritableDB. The `@ts-expect-error` lines below are the proof: `npm run typecheck`
 * (tsc -p test/tsconfig.json) fails if any of them ever compiles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/domain/audit.js';
import type { ReadCtx, WriteCtx } from '../../src/domain/context.js';
import { Runtime } from '../../src/runtime.js';
import { Db, type ReadableDB, type WritableDB } from '../../src/store/database.js';
import { selectOffice } from '../../src/store/office.js';
import { selectSetting, upsertSetting } from '../../src/store/settings.js';
import { initOffice, tempDb } from '../helpers/cli.js';

/** Never called: only compiled. */
function compileTimeChecks(db: Db, read: ReadableDB, write: WritableDB, readCtx: ReadCtx, writeCtx: WriteCtx): void {
  // @ts-expect-error a write through a read connection does not compile
  upsertSetting(read, 'k', 'v', 'now');
  // @ts-expect-error nor one through a connection outside any transaction
  upsertSetting(db, 'k', 'v', 'now');
  // @ts-expect-error a read context cannot write the audit trail
  recordAudit(readCtx, 'view', 'case', 1);
  db.read((r) => {
    // @ts-expect-error inside Db.read the connection is a ReadableDB
    upsertSetting(r, 'k', 'v', 'now');
    return selectSetting(r, 'k');
  });
  // @ts-expect-error a read connection is not a write connection
  const notWritable: WritableDB = read;
  void notWritable;
  // A write connection reads too, and a write context serves where a read context is asked for.
  db.write((w) => upsertSetting(w, 'k', selectSetting(w, 'k') ?? 'v', 'now'));
  selectOffice(write);
  selectOffice(writeCtx.db);
  const asRead: ReadCtx = writeCtx;
  void asRead;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

async function office(): Promise<string> {
  const t = tempDb();
  cleanups.push(t.cleanup);
  await initOffice(t.db);
  return t.db;
}

describe('read and write connections', () => {
  it('are told apart by the compiler (the @ts-expect-error lines above)', () => {
    expect(compileTimeChecks).toBeTypeOf('function');
  });

  it('are the same connection, in a deferred and an immediate transaction', async () => {
    const db = Db.open(await office());
    try {
      expect(db.read((r) => [r === db, db.sqlite.inTransaction])).toEqual([true, true]);
      expect(db.write((w) => [w === db, db.sqlite.inTransaction])).toEqual([true, true]);
      expect(db.sqlite.inTransaction).toBe(false);
    } finally {
      db.close();
    }
  });

  it('Runtime.read may read through a read-only connection; a later Runtime.write reopens the file read-write', async () => {
    const rt = new Runtime({ db: await office() }, 'test');
    try {
      expect(rt.read((ctx) => [ctx.db.readonly, selectOffice(ctx.db)?.code], { readonly: true })).toEqual([true, 'TST01']);
      rt.write((ctx) => upsertSetting(ctx.db, 'test.key', 'v', ctx.now()));
      expect(rt.read((ctx) => [ctx.db.readonly, selectSetting(ctx.db, 'test.key')])).toEqual([false, 'v']);
    } finally {
      rt.close();
    }
  });
});
