/** Persian of the --help texts of db: see src/lang/fa/help/index.ts. */
export const DB: Readonly<Record<string, string>> = {};
