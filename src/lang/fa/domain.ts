/** Persian of the messages said in domain: see src/lang/fa/index.ts. */
export const DOMAIN: Readonly<Record<string, string>> = {};
