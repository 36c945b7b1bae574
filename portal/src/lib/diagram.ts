/**
 * Which shapes of the case's BPMN diagram to highlight, from workflow-service's `GET /cases/{id}/diagram`
 * (`completedActivityIds` in the order passed, `currentActivityIds` where the case waits now).
 */

export interface DiagramState {
  completedActivityIds: readonly string[]
  currentActivityIds: readonly string[]
}

/** A diagram element as bpmn-js's element registry knows it, reduced to what the selection needs. */
export interface DiagramElement {
  id: string
  /** `bpmn:UserTask`, `bpmn:EndEvent`, `bpmn:SequenceFlow`, … */
  type: string
  sourceId?: string | null
  targetId?: string | null
}

export interface Highlights {
  completed: string[]
  current: string[]
  /** Sequence flows the case went along: from a passed step to a passed or current one. */
  takenFlows: string[]
  /** The end event the case ended in (the last one passed), null while it runs. */
  endEvent: string | null
}

export function selectHighlights(state: DiagramState, elements: readonly DiagramElement[]): Highlights {
  const byId = new Map(elements.map((e) => [e.id, e]))
  const current = unique(state.currentActivityIds.filter((id) => byId.has(id)))
  const currentSet = new Set(current)
  // a step passed once and waited in again (a new rectification round) is shown as current
  const completed = unique(state.completedActivityIds.filter((id) => byId.has(id) && !currentSet.has(id)))
  const completedSet = new Set(completed)
  const takenFlows = elements
    .filter((e) => e.type === 'bpmn:SequenceFlow' && e.sourceId && e.targetId)
    .filter((e) => completedSet.has(e.sourceId!) && (completedSet.has(e.targetId!) || currentSet.has(e.targetId!)))
    .map((e) => e.id)
  let endEvent: string | null = null
  if (current.length === 0) {
    for (const id of state.completedActivityIds) {
      if (byId.get(id)?.type === 'bpmn:EndEvent') endEvent = id
    }
  }
  return { completed, current, takenFlows, endEvent }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}

/** Marker classes the diagram's CSS colours. */
export const MARKERS = { completed: 'if-step-completed', current: 'if-step-current', flow: 'if-flow-taken' } as const
