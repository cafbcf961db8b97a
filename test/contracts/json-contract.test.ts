/**
 * The published --json contract (src/contracts/, docs/json-schemas/): every
 * command of the program has a schema, every command's real output in a small
 * office matches its schema (strict objects: a new key fails until the schema
 * says so), errors on stderr match the error schema, and the JSON Schema files
 * in the repository are what the generator makes now.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { buildFullProgram } from '../../src/cli.js';
import { contractCommands, contractOf, errorContract } from '../../src/contracts/index.js';
import { jsonSchemaFiles } from '../../src/contracts/json-schema.js';
import { ROOT } from '../helpers/cli.js';
import { runScenario, type ScenarioOutputs } from './scenario.js';

const SCHEMA_DIR = join(ROOT, 'docs', 'json-schemas');

/** Every command a user can type (the leaves of the program), as `roster pattern add`. */
function leafCommands(c: Command, path: string[] = []): string[] {
  if (c.commands.length === 0) return [path.join(' ')];
  return c.commands.flatMap((s) => leafCommands(s, [...path, s.name()]));
}

/** The schema's complaints, one line each (empty when the value matches); of a union, the closest variant's. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : lines(r.error.issues, []);
}

function lines(issues: readonly z.core.$ZodIssue[], at: PropertyKey[]): string[] {
  return issues.flatMap((i) => {
    const path = [...at, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      return lines(
        i.errors.reduce((a, b) => (b.length < a.length ? b : a)),
        path,
      );
    }
    return [`${path.map(String).join('.') || '(root)'}: ${i.message}`];
  });
}

let commands: string[];
beforeAll(async () => {
  commands = leafCommands(await buildFullProgram());
});

describe('every command has a schema', () => {
  it('each command of the program has one, and each schema belongs to a command', () => {
    expect(commands.length).toBeGreaterThan(60);
    expect(commands.filter((c) => contractOf(c) === undefined)).toEqual([]);
    expect(contractCommands().filter((c) => !commands.includes(c))).toEqual([]);
  });
});

describe('real outputs match their schemas', () => {
  let scenario: ScenarioOutputs;
  beforeAll(async () => {
    scenario = await runScenario();
  }, 120_000);

  it('the scenario runs every command with --json', () => {
    expect(commands.filter((c) => !scenario.outputs.has(c))).toEqual([]);
  });

  it('the scenario fills the lists and the variants the schemas describe', () => {
    const at = (doc: unknown, path: string): unknown =>
      path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc);
    const filled: [command: string, path: string][] = [
      ['client add', 'possibleDuplicates'],
      ['case show', 'events'],
      ['case show', 'services'],
      ['case show', 'followups'],
      ['case close', 'plannedFollowups'],
      ['roster assign', 'skipped'],
      ['roster gaps', 'gaps'],
      ['roster on-duty', 'services'],
      ['training drop', 'promoted'],
      ['training course update', 'promoted'],
      ['training compliance', 'missing'],
      ['training compliance', 'expired'],
      ['report nightly', 'attention.overdueFollowups.items'],
      ['report nightly', 'attention.unassignedCases.items'],
      ['report monthly', 'cases.byWorker'],
      ['report monthly', 'offices'],
      ['report year', 'offices'],
      ['report range', 'offices'],
      ['import', 'errors'],
      ['import', 'duplicates'],
      ['audit list', ''],
    ];
    const empty = filled.filter(
      ([command, path]) =>
        !(scenario.outputs.get(command) ?? []).some((doc) => {
          const v = path === '' ? doc : at(doc, path);
          return Array.isArray(v) && v.length > 0;
        }),
    );
    expect(empty).toEqual([]);
  });

  it("each output validates against its command's schema", () => {
    const failures: string[] = [];
    for (const [command, docs] of scenario.outputs) {
      const schema = contractOf(command);
      if (schema === undefined) {
        failures.push(`${command}: no schema`);
        continue;
      }
      docs.forEach((doc, i) => failures.push(...problems(schema, doc).map((p) => `${command} #${i + 1} ${p}`)));
    }
    expect(failures).toEqual([]);
  });

  it('the error objects on stderr validate against the error schema', () => {
    expect(scenario.errors.length).toBeGreaterThan(3);
    expect(scenario.errors.flatMap((e) => problems(errorContract, e))).toEqual([]);
  });

  it('a key the schema does not name fails: the contract changes only with its schema', () => {
    const [opened] = scenario.outputs.get('case open') as Record<string, unknown>[];
    const schema = contractOf('case open') as z.ZodType;
    expect(problems(schema, opened)).toEqual([]);
    expect(problems(schema, { ...opened, newKey: 1 })).toEqual(['(root): Unrecognized key: "newKey"']);
    const { risk: _risk, ...withoutRisk } = opened as Record<string, unknown>;
    expect(problems(schema, withoutRisk)).toHaveLength(1);
    const [report] = scenario.outputs.get('report monthly') as { services: object }[];
    const changed = { ...report, services: { ...report?.services, byMonth: {} } };
    expect(problems(contractOf('report monthly') as z.ZodType, changed)).toEqual(['services: Unrecognized key: "byMonth"']);
  });
});

describe('the program never loads the contract', () => {
  it("no module outside src/contracts imports it (zod's full build would cost every start-up)", () => {
    const src = join(ROOT, 'src');
    const importers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f.split(/[\\/]/)[0] !== 'contracts')
      .filter((f) => /(from |import\()'(\.\.?\/)+contracts\//.test(readFileSync(join(src, f), 'utf8')));
    expect(importers).toEqual([]);
  });
});

describe('docs/json-schemas', () => {
  it('the committed files are what `npm run docs` makes now', () => {
    const files = jsonSchemaFiles();
    expect(
      readdirSync(SCHEMA_DIR)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(readFileSync(join(SCHEMA_DIR, f.name), 'utf8'), `${f.name} is stale: run npm run docs`).toBe(f.text);
  });
});
