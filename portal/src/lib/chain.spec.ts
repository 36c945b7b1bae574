import { describe, expect, it } from 'vitest'
import { linkStatus, shortHash } from './chain'

describe('linkStatus', () => {
  it('is unchecked before a verification', () => {
    expect(linkStatus(1, null)).toBe('unchecked')
  })

  it('marks every checked link of an intact chain, and links added after the check as unchecked', () => {
    const verdict = { valid: true, links: 3, broken: null }
    expect([1, 2, 3, 4].map((s) => linkStatus(s, verdict))).toEqual(['verified', 'verified', 'verified', 'unchecked'])
  })

  it('marks the first broken link, trusts the ones before it and none after it', () => {
    const verdict = { valid: false, links: 2, broken: { sequence: 3, reason: 'the file of link 3 … differs' } }
    expect([1, 2, 3, 4].map((s) => linkStatus(s, verdict))).toEqual(['verified', 'verified', 'broken', 'unverifiable'])
  })

  it('shortens hashes', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`)
    expect(shortHash(null)).toBe('')
  })
})
