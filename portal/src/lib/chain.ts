/** A link of a case's evidence chain and what the chain verification (`GET /cases/{id}/chain/verify`) said of it. */

export interface ChainVerdict {
  valid: boolean
  links: number
  broken: { sequence: number; reason: string } | null
}

/**
 * - `unchecked`: no verification run yet (or the link was added after it);
 * - `verified`: the link and its file were checked and are intact;
 * - `broken`: the first broken link (its seal, metadata or file differs);
 * - `unverifiable`: after a break nothing later can be trusted.
 */
export type LinkStatus = 'unchecked' | 'verified' | 'broken' | 'unverifiable'

export function linkStatus(sequence: number, verdict: ChainVerdict | null): LinkStatus {
  if (!verdict) return 'unchecked'
  if (verdict.valid) return sequence <= verdict.links ? 'verified' : 'unchecked'
  const brokenAt = verdict.broken?.sequence ?? verdict.links + 1
  if (sequence < brokenAt) return 'verified'
  return sequence === brokenAt ? 'broken' : 'unverifiable'
}

export function shortHash(hash: string | null | undefined, length = 12): string {
  if (!hash) return ''
  return hash.length <= length ? hash : `${hash.slice(0, length)}…`
}
