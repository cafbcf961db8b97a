/** Persian of the messages said in operations: see src/lang/fa/index.ts. */
export const OPERATIONS: Readonly<Record<string, string>> = {};
