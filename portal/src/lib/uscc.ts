/** The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters with a check character. */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const index = CHARSET.indexOf(first17[i])
    if (index < 0) return null
    sum += index * WEIGHTS[i]
  }
  const check = 31 - (sum % 31)
  return CHARSET[check === 31 ? 0 : check]
}

export function isValidUscc(value: string | null | undefined): boolean {
  if (!value) return false
  const code = value.trim().toUpperCase()
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) return false
  return usccCheckCharacter(code.slice(0, 17)) === code[17]
}
