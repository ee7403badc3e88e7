import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, permissionsOf, roleHas } from './permissions.js';

describe('permission matrix', () => {
  it('gives owner and admin every permission', () => {
    for (const role of ['owner', 'admin'] as const) expect(permissionsOf(role)).toEqual([...PERMISSIONS]);
  });

  it('keeps administration away from front desk, providers and billing', () => {
    for (const role of ['provider', 'front_desk', 'billing'] as const)
      for (const p of ['users.manage', 'practice.settings', 'audit.read', 'channels.manage'] as const)
        expect(roleHas(role, p), `${role} ${p}`).toBe(false);
  });

  it('lets billing read only conversations assigned to them, and not reply', () => {
    expect(roleHas('billing', 'conversations.read')).toBe(false);
    expect(roleHas('billing', 'conversations.read_assigned')).toBe(true);
    expect(roleHas('billing', 'conversations.reply')).toBe(false);
    expect(roleHas('front_desk', 'conversations.reply')).toBe(true);
  });

  it('lets every role see who its colleagues are (assignment needs it)', () => {
    for (const role of ROLES) expect(roleHas(role, 'users.read')).toBe(true);
  });

  it('grants nothing to an unknown role and only known permissions to known ones', () => {
    expect(roleHas('janitor', 'users.read')).toBe(false);
    expect(permissionsOf('janitor')).toEqual([]);
    const known = new Set<string>(PERMISSIONS);
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(known.has(p)).toBe(true);
  });
});
