/**
 * JSON Schema files from the zod contract (zod 4's z.toJSONSchema), one per command:
 * docs/json-schemas/<group>.<command>.json (`roster.pattern.add.json`, `init.json`)
 * and `error.json` for stderr. test/docs/json-schemas.mjs writes them; the contract test
 * checks that the files in the repository are what this makes now.
 */
import * as z from 'zod';
import { contractCommands, contractOf, errorContract } from './index.js';

export interface SchemaFile {
  /** The file name in docs/json-schemas/. */
  name: string;
  text: string;
}

function schemaText(schema: z.ZodType, title: string, description: string): string {
  const { $schema, description: own, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return (
    JSON.stringify({ $schema, title, description: own === undefined ? description : `${description} ${String(own)}`, ...rest }, null, 2) +
    '\n'
  );
}

export function jsonSchemaFiles(): SchemaFile[] {
  const files = contractCommands().map((command) => ({
    name: `${command.split(' ').join('.')}.json`,
    text: schemaText(
      contractOf(command) as z.ZodType,
      `parvande ${command} --json`,
      `What \`parvande ${command} --json\` prints on stdout (docs/json.md).`,
    ),
  }));
  files.push({
    name: 'error.json',
    text: schemaText(
      errorContract,
      'parvande error --json',
      'The one JSON object a failing command prints on stderr with --json, whatever the command.',
    ),
  });
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
