/** Staff roles, most powerful first. */
export const ROLES = ['owner', 'admin', 'provider', 'front_desk', 'billing'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.read',
  'users.manage',
  'practice.settings',
  'audit.read',
  'channels.manage',
  'conversations.read',
  /** Billing: only conversations tagged `billing` or assigned to them (the inbox use cases decide per row). */
  'conversations.read_assigned',
  'conversations.reply',
  'conversations.assign',
  'contacts.read',
  'contacts.write',
  'consent.record',
  /** Practice-wide reports (response times, funnel): aggregates, no PHI; owner and admin. */
  'reports.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CLINICAL_STAFF: Permission[] = [
  'users.read',
  'conversations.read',
  'conversations.reply',
  'conversations.assign',
  'contacts.read',
  'contacts.write',
  'consent.record',
];

/** THE permission matrix. Every access decision in the api reads this table and nothing else. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  owner: new Set(PERMISSIONS),
  admin: new Set(PERMISSIONS),
  provider: new Set(CLINICAL_STAFF),
  front_desk: new Set(CLINICAL_STAFF),
  billing: new Set<Permission>(['users.read', 'conversations.read_assigned', 'contacts.read']),
};

/** Roles that must enrol in MFA whatever the practice policy says. */
export const MFA_MANDATORY_ROLES: ReadonlySet<Role> = new Set(['owner', 'admin']);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleHas(role: string, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].has(permission);
}

export function permissionsOf(role: string): Permission[] {
  return isRole(role) ? PERMISSIONS.filter((p) => ROLE_PERMISSIONS[role].has(p)) : [];
}
