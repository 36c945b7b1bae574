import { describe, expect, it } from 'vitest'
import { isValidUscc, usccCheckCharacter } from './uscc'

describe('USCC check character (GB 32100-2015)', () => {
  it('accepts published codes and the demo enterprises', () => {
    for (const code of ['91110108551385082Q', '91440300708461136T', '914403001922038216', '91350100M000100Y43', '914403040000DM001P', '914403050000DM0029']) {
      expect(isValidUscc(code), code).toBe(true)
    }
  })

  it('refuses a wrong check character, wrong length and letters outside the set', () => {
    expect(isValidUscc('91110108551385082R')).toBe(false)
    expect(isValidUscc('9111010855138508')).toBe(false)
    expect(isValidUscc('9111010855138508IQ')).toBe(false)
    expect(isValidUscc('')).toBe(false)
    expect(usccCheckCharacter('short')).toBeNull()
  })
})
