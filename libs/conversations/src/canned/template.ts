/**
 * Placeholders a canned response may use: facts about the practice and the staff member,
 * never about the patient, so a filled template can carry no PHI it did not already hold.
 */
export const PLACEHOLDERS = ['practiceName', 'staffFirstName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const TOKEN = /\{([^{}]*)\}/g;

/** Placeholder names in `body` that are not allowed (e.g. `{patientName}`), in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  return [...body.matchAll(TOKEN)]
    .map((m) => m[1]!)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

export function fillTemplate(body: string, values: Record<Placeholder, string>): string {
  return body.replace(TOKEN, (token, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : token,
  );
}
