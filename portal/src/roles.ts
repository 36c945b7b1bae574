/** The product roles; Keycloak defaults (offline_access, uma_authorization, default-roles-*) are ignored. */
export const PRODUCT_ROLES = ['officer', 'supervisor', 'enterprise', 'integrator', 'admin'] as const
export type ProductRole = (typeof PRODUCT_ROLES)[number]

export function isProductRole(role: string): role is ProductRole {
  return (PRODUCT_ROLES as readonly string[]).includes(role)
}

/** Product roles of the user, de-duplicated, in the canonical order above. */
export function productRoles(roles: readonly string[] | null | undefined): ProductRole[] {
  const set = new Set((roles ?? []).map((r) => r.toLowerCase()))
  return PRODUCT_ROLES.filter((r) => set.has(r))
}

export interface Me {
  username: string
  name?: string | null
  email?: string | null
  roles: string[]
  district?: string | null
  city?: string | null
  enterpriseId?: string | null
}

export type DataScope =
  | { kind: 'enterprise'; id: string }
  | { kind: 'district'; id: string }
  | { kind: 'city'; id: string }
  | { kind: 'all' }

/** The data scope shown in the header: an enterprise user sees one enterprise, others their jurisdiction. */
export function dataScope(me: Me): DataScope {
  if (me.enterpriseId) return { kind: 'enterprise', id: me.enterpriseId }
  if (me.district) return { kind: 'district', id: me.district }
  if (me.city) return { kind: 'city', id: me.city }
  return { kind: 'all' }
}

export function displayName(me: Me): string {
  return me.name?.trim() || me.username
}
