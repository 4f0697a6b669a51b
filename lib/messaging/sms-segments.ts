// How many SMS segments a text costs. Any character outside the GSM 03.38 alphabet (é is in
// it; á, í, ó, ú are not) switches the whole message to UCS-2: 70 characters instead of 160.

const gsmBasic =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const gsmExtended = "^{}\\[~]|€\f";
const basic = new Set(gsmBasic);
const extended = new Set(gsmExtended);

export type SegmentInfo = { encoding: "GSM-7" | "UCS-2"; units: number; segments: number };

export function smsSegments(text: string): SegmentInfo {
  const characters = [...text];
  const isGsm = characters.every((character) => basic.has(character) || extended.has(character));
  if (isGsm) {
    const units = characters.reduce((sum, character) => sum + (extended.has(character) ? 2 : 1), 0);
    return { encoding: "GSM-7", units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  // UCS-2 counts UTF-16 code units: characters outside the BMP (emoji) take two.
  const units = text.length;
  return { encoding: "UCS-2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
