import { api } from '../api'
import { toQuery } from './workflow'

/** enterprise-service through the gateway (`/api/enterprise/**`). */
export const ENTERPRISE = '/api/enterprise'

export interface EnterpriseSummary {
  uscc: string
  name: string
  district: string
  city: string
  industryCode: string | null
  keyPollutantUnit: boolean
  positiveList: boolean
  riskTier: string | null
}

export interface EnterprisePage {
  items: EnterpriseSummary[]
  page: number
  size: number
  total: number
}

export const ORDER_STATUSES = [
  'WAITING_FOR_SUBMISSION',
  'UNDER_REVIEW',
  'REJECTED',
  'ESCALATED',
  'ACCEPTED',
  'CLOSED',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export interface OrderSummary {
  caseId: string
  orderId: string | null
  round: number | null
  deadline: string | null
  deadlineProvisional: boolean
  requirements: string[]
  status: OrderStatus
  waiting: boolean
  updatedAt: string | null
}

/** Dates inside the order view's documents come as ISO strings (or epoch millis from older serialisers). */
type When = string | number | null

export interface OrderRound {
  orderId: string
  round: number
  deadline: string
  deadlineProvisional?: boolean
  requirements?: string[]
  orderedAt?: When
}

export interface Submission {
  submissionId: string
  orderId: string
  round: number
  statement: string
  completedOn: string | null
  evidenceIds: string[]
  submittedAt: When
  submittedBy: string
}

export interface Reminder {
  orderId: string
  round: number
  deadline: string
  workingDaysLeft: number
  at: When
}

export interface Rejection {
  orderId: string
  round: number
  submissionId: string
  reasons: string[]
  escalated: boolean
  rejectedAt: When
  reviewedBy: string
}

export interface OverdueNotice {
  orderId: string
  round: number
  deadline: string
  escalatedTo: string | null
  at: When
}

export interface OrderDetail {
  order: OrderSummary
  orders: OrderRound[]
  submissions: Submission[]
  reminders: Reminder[]
  rejections: Rejection[]
  overdue: OverdueNotice[]
  accepted: { orderId: string; round: number; comment: string | null; acceptedAt: When; reviewedBy: string } | null
  closed: { outcome: string; closedAt: When; closedBy: string | null } | null
}

export interface CaseHistory {
  caseId: string
  from: string | null
  last: string | null
  outcome: string | null
  status: OrderStatus | null
  events: string[]
}

export interface NewSubmission {
  statement: string
  completedOn?: string
  evidenceIds: string[]
}

export interface PublicDraw {
  drawId: string
  district: string
  industryCode: string | null
  populationSize: number
  officerPoolSize: number
  targetCount: number
  officerCount: number
  algorithm: string
  seedCommitment: string
  snapshotHash: string
  revealed: boolean
  seed: string | null
  targets: { enterpriseUscc: string; officerIds: string[] }[] | null
  officers: string[] | null
}

export interface DrawVerification {
  drawId: string
  seed: string
  seedCommitment: string
  seedMatchesCommitment: boolean
  snapshotHash: string
  snapshotMatchesHash: boolean
  resultMatches: boolean
  targets: string[]
  officers: string[]
  verified: boolean
}

export interface NewDraw {
  district: string
  industryCode?: string
  targets: number
  officers: number
}

const id = encodeURIComponent

export const enterprise = {
  search: (q: string, size = 10) => api.get<EnterprisePage>(`${ENTERPRISE}/enterprises${toQuery({ q, size })}`),
  orders: () => api.get<OrderSummary[]>(`${ENTERPRISE}/portal/orders`),
  order: (caseId: string) => api.get<OrderDetail>(`${ENTERPRISE}/portal/orders/${id(caseId)}`),
  submit: (caseId: string, submission: NewSubmission) =>
    api.post<unknown>(`${ENTERPRISE}/portal/orders/${id(caseId)}/submissions`, submission),
  history: () => api.get<CaseHistory[]>(`${ENTERPRISE}/portal/history`),
  createDraw: (draw: NewDraw) => api.post<PublicDraw>(`${ENTERPRISE}/draws`, draw),
  revealDraw: (drawId: string) => api.post<PublicDraw>(`${ENTERPRISE}/draws/${id(drawId)}/reveal`),
  draw: (drawId: string) => api.get<PublicDraw>(`${ENTERPRISE}/draws/${id(drawId)}`),
  verifyDraw: (drawId: string) => api.get<DrawVerification>(`${ENTERPRISE}/draws/${id(drawId)}/verify`),
}
