/** Persian of the --help texts of operations: see src/lang/fa/help/index.ts. */
export const OPERATIONS: Readonly<Record<string, string>> = {};
