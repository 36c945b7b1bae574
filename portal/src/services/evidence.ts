import { api } from '../api'
import type { ChainVerdict } from '../lib/chain'
import { toQuery } from './workflow'

/** evidence-service through the gateway (`/api/evidence/**`). */
export const EVIDENCE = '/api/evidence'

export interface EvidenceView {
  sequence: number
  evidenceId: string
  sha256: string
  hash: string
  previousHash: string
  actor: string
  at: string
  /** All values are strings: filename, contentType, size, kind, uploader, uploaderRole, flags, … */
  metadata: Record<string, string>
}

export interface UploadParams {
  latitude?: number
  longitude?: number
  takenAt?: string
  /** Officials only: show the file to the enterprise. */
  share?: boolean
  kind?: string
}

const id = encodeURIComponent

export function uploadUrl(caseId: string, params: UploadParams = {}): string {
  return `${EVIDENCE}/cases/${id(caseId)}/evidence${toQuery(params)}`
}

export function contentUrl(caseId: string, evidenceId: string): string {
  return `${EVIDENCE}/cases/${id(caseId)}/evidence/${id(evidenceId)}/content`
}

export function bundleUrl(caseId: string): string {
  return `${EVIDENCE}/cases/${id(caseId)}/evidence/bundle`
}

export function flagsOf(item: EvidenceView): string[] {
  return (item.metadata?.flags ?? '').split(',').map((f) => f.trim()).filter(Boolean)
}

export function isImage(item: EvidenceView): boolean {
  return (item.metadata?.contentType ?? '').startsWith('image/')
}

export const evidence = {
  list: (caseId: string) => api.get<EvidenceView[]>(`${EVIDENCE}/cases/${id(caseId)}/evidence`),
  verifyChain: (caseId: string) => api.get<ChainVerdict>(`${EVIDENCE}/cases/${id(caseId)}/chain/verify`),
}
