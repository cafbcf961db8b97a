/** Small helpers of the input tests, written independently of the modules they test. */

/** ASCII digits to Arabic-Indic ones (٠..٩). */
export const toArabicIndic = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
