import { describe, expect, it } from 'vitest'
import { canAccess, navFor, portalPath, ROUTE_ROLES } from './navigation'

describe('role-based navigation', () => {
  it('shows officers their tasks, clue intake and inbox only', () => {
    expect(navFor(['officer']).map((i) => i.route)).toEqual(['tasks', 'clue-new', 'inbox'])
  })

  it('shows supervisors dispatch and draws as well', () => {
    expect(navFor(['supervisor']).map((i) => i.route)).toEqual(['tasks', 'clue-new', 'dispatch', 'draws', 'inbox'])
  })

  it('shows enterprise users only their own orders, history and inbox', () => {
    expect(navFor(['enterprise']).map((i) => i.route)).toEqual(['enterprise-orders', 'enterprise-history', 'inbox'])
  })

  it('shows integrators only webhooks (they have no inbox)', () => {
    expect(navFor(['integrator']).map((i) => i.route)).toEqual(['webhooks'])
  })

  it('shows nothing to a user without product roles', () => {
    expect(navFor([])).toEqual([])
  })

  it('lets a page open for any of its roles, and keeps enterprises out of case pages', () => {
    expect(canAccess(ROUTE_ROLES.case, ['enterprise'])).toBe(false)
    expect(canAccess(ROUTE_ROLES.case, ['officer'])).toBe(true)
    expect(canAccess(ROUTE_ROLES['enterprise-order'], ['officer', 'supervisor'])).toBe(false)
    expect(canAccess(ROUTE_ROLES.home, [])).toBe(true)
  })
})

describe('portalPath', () => {
  it('turns notification links into portal paths', () => {
    expect(portalPath('http://localhost:8080/cases/CASE-1', 'http://localhost:8080')).toBe('/cases/CASE-1')
    expect(portalPath('http://portal.example/enterprise/orders/CASE-2', 'http://localhost:5173')).toBe('/enterprise/orders/CASE-2')
    expect(portalPath('/inbox', 'http://x')).toBe('/inbox')
  })

  it('leaves other sites and garbage alone', () => {
    expect(portalPath('https://evil.example/phish', 'http://localhost:8080')).toBeNull()
    expect(portalPath('//evil.example/cases/1', 'http://localhost:8080')).toBeNull()
    expect(portalPath('not a url', 'http://localhost:8080')).toBeNull()
    expect(portalPath(null)).toBeNull()
  })
})
