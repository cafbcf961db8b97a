/** Persian of the messages said in import: see src/lang/fa/index.ts. */
export const IMPORT: Readonly<Record<string, string>> = {};
