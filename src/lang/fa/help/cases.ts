/** Persian of the --help texts of cases: see src/lang/fa/help/index.ts. */
export const CASES: Readonly<Record<string, string>> = {};
