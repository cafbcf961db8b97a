/** Persian of the messages said in config: see src/lang/fa/index.ts. */
export const CONFIG: Readonly<Record<string, string>> = {};
