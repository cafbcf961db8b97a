// `npm run docs`: writes docs/reference.md from the compiled program (dist/cli.js, made by tsc).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFullProgram } from '../../dist/cli.js';
import { REFERENCE_PATH, renderReference } from './reference.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(ROOT, REFERENCE_PATH);
writeFileSync(target, renderReference(await buildFullProgram()));
console.log(`wrote ${REFERENCE_PATH}`);
