/** Persian of the messages said in commands: see src/lang/fa/index.ts. */
export const COMMANDS: Readonly<Record<string, string>> = {};
