// GSM 03.38 basic set (one septet each) and its extension table (escape + septet = two).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

/**
 * How many SMS segments Twilio bills for a body: GSM-7 fits 160 septets in one segment (153 when
 * concatenated), anything else is UCS-2 with 70 UTF-16 units (67 when concatenated).
 */
export function countSmsSegments(body: string): number {
  if (body.length === 0) return 1;
  let septets = 0;
  for (const char of body) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else return segments(body.length, 70, 67);
  }
  return segments(septets, 160, 153);
}

function segments(units: number, single: number, concatenated: number): number {
  return units <= single ? 1 : Math.ceil(units / concatenated);
}
