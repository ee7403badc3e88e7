import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholders } from './template.js';

describe('canned response templates', () => {
  it('fills only the practice and staff placeholders', () => {
    expect(
      fillTemplate('Hi, this is {staffFirstName} from {practiceName}. {staffFirstName} will call.', {
        practiceName: 'Riverside',
        staffFirstName: 'Sam',
      }),
    ).toBe('Hi, this is Sam from Riverside. Sam will call.');
  });

  it('names every placeholder that could pull patient data in', () => {
    expect(unknownPlaceholders('Dear {patientName}, your {diagnosis} from {practiceName}')).toEqual([
      'patientName',
      'diagnosis',
    ]);
    expect(unknownPlaceholders('No placeholders at all')).toEqual([]);
  });
});
