/** Persian of the --help texts of import-export: see src/lang/fa/help/index.ts. */
export const IMPORT_EXPORT: Readonly<Record<string, string>> = {};
