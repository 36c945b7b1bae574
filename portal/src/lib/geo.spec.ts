import { describe, expect, it } from 'vitest'
import { parseLocation } from './geo'

describe('parseLocation', () => {
  it('reads both coordinates, or none', () => {
    expect(parseLocation(' 22.543096 ', '114.057865')).toEqual({ latitude: 22.543096, longitude: 114.057865 })
    expect(parseLocation('', '  ')).toBeNull()
  })

  it('refuses one missing, text, or out-of-range degrees', () => {
    expect(parseLocation('22.5', '')).toBe('invalid')
    expect(parseLocation('north', '114')).toBe('invalid')
    expect(parseLocation('91', '114')).toBe('invalid')
    expect(parseLocation('22', '-181')).toBe('invalid')
  })
})
