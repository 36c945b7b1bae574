import { api } from '../api'
import type { DiagramState } from '../lib/diagram'

/** workflow-service through the gateway (`/api/workflow/**`, prefix stripped, the session's token relayed). */
export const WORKFLOW = '/api/workflow'

export const CLUE_SOURCES = [
  'COMPLAINT',
  'ONLINE_MONITORING_ALARM',
  'REMOTE_SENSING',
  'GRID_MEMBER',
  'REFERRAL',
  'SELF_REPORT',
  'INTEGRATOR',
  'FRAUD_TRACE',
  'DOUBLE_RANDOM_DRAW',
] as const
export type ClueSource = (typeof CLUE_SOURCES)[number]

/** Sources an officer picks in the intake form (integrator clues, fraud traces and draws come by other ways). */
export const INTAKE_SOURCES: readonly ClueSource[] = [
  'COMPLAINT',
  'ONLINE_MONITORING_ALARM',
  'REMOTE_SENSING',
  'GRID_MEMBER',
  'REFERRAL',
  'SELF_REPORT',
]

export const SEVERITIES = ['MINOR', 'GENERAL', 'SERIOUS'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Problem types with a name in the portal; any other upper-case code may be typed. */
export const PROBLEM_TYPES = [
  'WASTEWATER_EXCEEDANCE',
  'WATER_POLLUTION',
  'AIR_EMISSION_EXCEEDANCE',
  'SMOKE',
  'ODOUR',
  'DUST',
  'NOISE',
  'SOLID_WASTE',
  'HAZARDOUS_WASTE',
  'VOC_EMISSION',
  'ILLEGAL_CONSTRUCTION',
  'ILLEGAL_FARM',
  'MONITORING_DATA_FRAUD',
] as const

/** Violation types of the province's first-offence list (the DMN `Decision_FirstOffenceExemption`), and others. */
export const VIOLATION_TYPES = [
  'MONITORING_RECORDS_INCOMPLETE',
  'MONITORING_DATA_GAP',
  'HAZARDOUS_WASTE_LABEL_MISSING',
  'DISCHARGE_PERMIT_REPORT_LATE',
  'VOC_STORAGE_UNSEALED',
  'DUST_COVER_MISSING',
  'DISCHARGE_EXCEEDS_STANDARD',
  'NO_DISCHARGE_PERMIT',
  'TREATMENT_FACILITY_NOT_RUNNING',
  'MONITORING_DATA_FALSIFIED',
] as const

export const FINDINGS = ['VIOLATION_CONFIRMED', 'SERIOUS_VIOLATION', 'UNFOUNDED', 'NEEDS_SITE_VISIT'] as const
export type Finding = (typeof FINDINGS)[number]

export const DISMISSAL_REASONS = ['UNFOUNDED', 'NOT_ENVIRONMENTAL', 'OUT_OF_JURISDICTION', 'INSUFFICIENT_INFORMATION'] as const
export type DismissalReason = (typeof DISMISSAL_REASONS)[number]

export const CASE_STATUSES = [
  'REPORTED',
  'VERIFYING',
  'RECTIFYING',
  'UNDER_REVIEW',
  'RECTIFIED',
  'ESCALATED',
  'CLOSED',
  'DISMISSED',
  'MERGED',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export function isOpenStatus(status: CaseStatus | null | undefined): boolean {
  return !!status && status !== 'CLOSED' && status !== 'DISMISSED' && status !== 'MERGED'
}

/** The user tasks of `CaseHandlingProcess` and `PenaltyCaseProcess` (ids in ProcessConstants). */
export const TASK_KEYS = [
  'Task_InspectOnSite',
  'Task_VerifyNonSite',
  'Task_ReviewRectification',
  'Task_ReinspectSite',
  'Task_FilePenaltyCase',
  'Task_DecidePenalty',
] as const
export type TaskKey = (typeof TASK_KEYS)[number]

export const TASK_STATUS_FILTERS = ['overdue', 'due-soon', 'unclaimed', 'claimed'] as const
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number]

export interface GeoPoint {
  latitude: number
  longitude: number
}

export interface NewClue {
  source: ClueSource
  enterpriseUscc?: string
  location?: GeoPoint
  problemType: string
  severity?: Severity
  description: string
  district?: string
  drawId?: string
  drawnOfficers?: string[]
}

export interface Opened {
  caseId: string
  created: boolean
}

export interface CaseRecord {
  caseId: string
  clueId: string | null
  source: ClueSource
  clientReference: string | null
  enterpriseUscc: string | null
  problemType: string
  severity: Severity | null
  description: string
  location: GeoPoint | null
  district: string
  city: string
  priority: string | null
  riskTier: string | null
  status: CaseStatus
  mergedInto: string | null
  outcome: string | null
  assignedOfficer: string | null
  deadline: string | null
  deadlineProvisional: boolean
  rectificationRound: number
  nonSite: boolean
  problemFound: boolean
  reportedBy: string
  reportedAt: string
  closedAt: string | null
}

export interface TimelineEntry {
  step: string
  actor: string | null
  at: string
  detail: string | null
  evidence: { evidenceId: string; sha256: string | null }[]
}

export interface Diagram extends DiagramState {
  caseId: string
  xml: string
}

export interface TaskView {
  taskId: string
  taskKey: string
  name: string
  caseId: string
  district: string | null
  source: ClueSource | null
  priority: string | null
  enterpriseUscc: string | null
  problemType: string | null
  assignee: string | null
  createdAt: string
  dueAt: string | null
  overdue: boolean
}

export interface TaskPage {
  items: TaskView[]
  page: number
  size: number
  total: number
}

export interface TaskQuery {
  scope?: 'mine' | 'group' | 'all'
  status?: TaskStatusFilter
  district?: string
  /** only this case's tasks */
  caseId?: string
  source?: string
  taskKey?: string
  page?: number
  size?: number
}

export interface VerificationRecord {
  finding: Finding
  findings: string
  violationType?: string
  legalBasis?: string
  severity?: 'MINOR' | 'GENERAL'
  dismissalReason?: DismissalReason
  dismissalExplanation?: string
  evidenceIds: string[]
  location?: GeoPoint
  enterpriseUscc?: string
}

export interface Review {
  accepted: boolean
  comment?: string
  reasons?: string[]
}

export interface Reinspection {
  rectified: boolean
  findings: string
  evidenceIds: string[]
}

export interface CaseLoad {
  district: string
  officer: string | null
  openCases: number
  overdueCases: number
}

export interface OfficerActivity {
  officer: string
  inspections: number
  problemsFound: number
  nonSite: number
}

function query(params: object): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

const id = encodeURIComponent

export const workflow = {
  reportClue: (clue: NewClue) => api.post<Opened>(`${WORKFLOW}/clues`, clue),
  getCase: (caseId: string) => api.get<CaseRecord>(`${WORKFLOW}/cases/${id(caseId)}`),
  timeline: (caseId: string) => api.get<TimelineEntry[]>(`${WORKFLOW}/cases/${id(caseId)}/timeline`),
  diagram: (caseId: string) => api.get<Diagram>(`${WORKFLOW}/cases/${id(caseId)}/diagram`),
  tasks: (q: TaskQuery = {}) => api.get<TaskPage>(`${WORKFLOW}/tasks${query(q)}`),
  task: (taskId: string) => api.get<TaskView>(`${WORKFLOW}/tasks/${id(taskId)}`),
  claim: (taskId: string) => api.post<TaskView>(`${WORKFLOW}/tasks/${id(taskId)}/claim`),
  reassign: (taskId: string, officer: string, reason: string) =>
    api.post<TaskView>(`${WORKFLOW}/tasks/${id(taskId)}/assignee`, { officer, reason }),
  recordVerification: (taskId: string, record: VerificationRecord) =>
    api.post<{ taskId: string; recordId: string | null }>(`${WORKFLOW}/tasks/${id(taskId)}/verification`, record),
  reviewRectification: (taskId: string, review: Review) =>
    api.post<void>(`${WORKFLOW}/tasks/${id(taskId)}/rectification-review`, review),
  reinspect: (taskId: string, reinspection: Reinspection) =>
    api.post<void>(`${WORKFLOW}/tasks/${id(taskId)}/reinspection`, reinspection),
  filePenaltyCase: (taskId: string, summary: string) =>
    api.post<void>(`${WORKFLOW}/tasks/${id(taskId)}/penalty-filing`, { summary }),
  decidePenalty: (taskId: string, decision: string, fineYuan?: number) =>
    api.post<void>(`${WORKFLOW}/tasks/${id(taskId)}/penalty-decision`, { decision, fineYuan }),
  caseLoad: (district?: string) => api.get<CaseLoad[]>(`${WORKFLOW}/statistics/case-load${query({ district })}`),
  officerActivity: (params: { district?: string; from?: string; to?: string }) =>
    api.get<OfficerActivity[]>(`${WORKFLOW}/statistics/officer-activity${query(params)}`),
}

/** The open tasks of one case that the caller may see (`GET /tasks?scope=all&caseId=`). */
export async function tasksOfCase(caseId: string): Promise<TaskView[]> {
  const page = await workflow.tasks({ scope: 'all', caseId, size: 200 })
  return page.items
}

export { query as toQuery }
