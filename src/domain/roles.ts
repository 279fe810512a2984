/**
 * The four roles of Buurtladder (shared/spec/product.md, "Who uses it").
 * An admin manages accounts and may do everything a coordinator does; the
 * other roles see only the studies they are members of.
 */
export const roles = ['admin', 'coordinator', 'interviewer', 'reader'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Whether a user with this role may do what the listed roles may do. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role) || (role === 'admin' && allowed.includes('coordinator'));
}
