import { createRequire } from 'node:module';
import type TableType from 'cli-table3';

type TableOptions = ConstructorParameters<typeof TableType>[0];

let tableClass: typeof TableType | undefined;

/** A cli-table3 table; the library is required on first draw only, so --json runs never load it. */
export function createTable(options: TableOptions): InstanceType<typeof TableType> {
  tableClass ??= createRequire(import.meta.url)('cli-table3') as typeof TableType;
  return new tableClass(options);
}
