import { describe, expect, it } from 'vitest'
import { dataScope, displayName, productRoles, type Me } from './roles'

const officer: Me = {
  username: 'officer1',
  name: '张伟',
  email: 'officer1@demo.inspectflow.org',
  roles: ['officer'],
  district: '440304',
  city: '440300',
  enterpriseId: null,
}

describe('roles', () => {
  it('keeps only the product roles, in canonical order', () => {
    expect(
      productRoles(['offline_access', 'admin', 'uma_authorization', 'officer', 'default-roles-inspectflow', 'officer']),
    ).toEqual(['officer', 'admin'])
    expect(productRoles(undefined)).toEqual([])
  })

  it('derives the data scope', () => {
    expect(dataScope(officer)).toEqual({ kind: 'district', id: '440304' })
    expect(dataScope({ ...officer, roles: ['enterprise'], district: null, enterpriseId: 'E42' })).toEqual({
      kind: 'enterprise',
      id: 'E42',
    })
    expect(dataScope({ ...officer, district: null })).toEqual({ kind: 'city', id: '440300' })
    expect(dataScope({ username: 'admin', roles: ['admin'] })).toEqual({ kind: 'all' })
  })

  it('falls back to the username when there is no display name', () => {
    expect(displayName(officer)).toBe('张伟')
    expect(displayName({ ...officer, name: ' ' })).toBe('officer1')
  })
})
