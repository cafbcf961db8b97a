import type { Command } from 'commander';

export declare const REFERENCE_PATH: string;
/** The reference as Markdown, for a program with every command group loaded (buildFullProgram). */
export declare function renderReference(program: Command): string;
