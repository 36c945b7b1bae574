import type { CaseLoad, OfficerActivity } from '../services/workflow'

/** Figures for command & dispatch, folded from workflow-service's statistics rows. */

export interface LoadRow {
  key: string
  open: number
  overdue: number
}

function fold(rows: readonly CaseLoad[], keyOf: (row: CaseLoad) => string): LoadRow[] {
  const map = new Map<string, LoadRow>()
  for (const row of rows) {
    const key = keyOf(row)
    const current = map.get(key) ?? { key, open: 0, overdue: 0 }
    current.open += row.openCases
    current.overdue += row.overdueCases
    map.set(key, current)
  }
  return [...map.values()].sort((a, b) => b.open - a.open || a.key.localeCompare(b.key))
}

/** Open and overdue cases per district. */
export function loadByDistrict(rows: readonly CaseLoad[]): LoadRow[] {
  return fold(rows, (r) => r.district)
}

/** Open and overdue cases per officer; cases nobody has claimed yet under `unassignedKey`. */
export function loadByOfficer(rows: readonly CaseLoad[], unassignedKey: string): LoadRow[] {
  return fold(rows, (r) => r.officer ?? unassignedKey)
}

export interface NonSiteShare {
  nonSite: number
  onSite: number
  /** 0–100, one decimal; null without any inspection. */
  percent: number | null
}

export function nonSiteShare(rows: readonly OfficerActivity[]): NonSiteShare {
  const inspections = rows.reduce((sum, r) => sum + r.inspections, 0)
  const nonSite = rows.reduce((sum, r) => sum + r.nonSite, 0)
  return {
    nonSite,
    onSite: Math.max(0, inspections - nonSite),
    percent: inspections ? Math.round((nonSite / inspections) * 1000) / 10 : null,
  }
}

/** Officers ranked by inspections, then problems found (the Shenzhen ranking). */
export function rankOfficers(rows: readonly OfficerActivity[]): OfficerActivity[] {
  return [...rows].sort((a, b) => b.inspections - a.inspections || b.problemsFound - a.problemsFound || a.officer.localeCompare(b.officer))
}
