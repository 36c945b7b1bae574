import { describe, expect, it } from 'vitest'
import { selectHighlights, type DiagramElement } from './diagram'

const elements: DiagramElement[] = [
  { id: 'StartEvent_ClueReported', type: 'bpmn:StartEvent' },
  { id: 'Task_InspectOnSite', type: 'bpmn:UserTask' },
  { id: 'SubProcess_Rectification', type: 'bpmn:SubProcess' },
  { id: 'Task_ReviewRectification', type: 'bpmn:UserTask' },
  { id: 'EndEvent_RectificationAccepted', type: 'bpmn:EndEvent' },
  { id: 'Task_CloseCase', type: 'bpmn:ServiceTask' },
  { id: 'EndEvent_CaseClosed', type: 'bpmn:EndEvent' },
  { id: 'EndEvent_ClueDismissed', type: 'bpmn:EndEvent' },
  { id: 'Flow_1', type: 'bpmn:SequenceFlow', sourceId: 'StartEvent_ClueReported', targetId: 'Task_InspectOnSite' },
  { id: 'Flow_2', type: 'bpmn:SequenceFlow', sourceId: 'Task_InspectOnSite', targetId: 'SubProcess_Rectification' },
  { id: 'Flow_3', type: 'bpmn:SequenceFlow', sourceId: 'Task_ReviewRectification', targetId: 'EndEvent_RectificationAccepted' },
  { id: 'Flow_4', type: 'bpmn:SequenceFlow', sourceId: 'Task_CloseCase', targetId: 'EndEvent_CaseClosed' },
  { id: 'Flow_Dismiss', type: 'bpmn:SequenceFlow', sourceId: 'Task_InspectOnSite', targetId: 'EndEvent_ClueDismissed' },
]

describe('selectHighlights', () => {
  it('marks passed steps, the current one, and the flows taken into them', () => {
    const h = selectHighlights(
      { completedActivityIds: ['StartEvent_ClueReported', 'Task_InspectOnSite'], currentActivityIds: ['SubProcess_Rectification', 'Task_ReviewRectification'] },
      elements,
    )

    expect(h.completed).toEqual(['StartEvent_ClueReported', 'Task_InspectOnSite'])
    expect(h.current).toEqual(['SubProcess_Rectification', 'Task_ReviewRectification'])
    expect(h.takenFlows).toEqual(['Flow_1', 'Flow_2'])
    expect(h.endEvent).toBeNull()
  })

  it('shows a step waited in again (a new round) as current, not as passed', () => {
    const h = selectHighlights(
      { completedActivityIds: ['Task_InspectOnSite', 'Task_ReviewRectification'], currentActivityIds: ['Task_ReviewRectification'] },
      elements,
    )

    expect(h.completed).toEqual(['Task_InspectOnSite'])
    expect(h.current).toEqual(['Task_ReviewRectification'])
  })

  it('names the end event a closed case reached: the last one passed', () => {
    const h = selectHighlights(
      {
        completedActivityIds: [
          'StartEvent_ClueReported',
          'Task_InspectOnSite',
          'Task_ReviewRectification',
          'EndEvent_RectificationAccepted',
          'SubProcess_Rectification',
          'Task_CloseCase',
          'EndEvent_CaseClosed',
        ],
        currentActivityIds: [],
      },
      elements,
    )

    expect(h.endEvent).toBe('EndEvent_CaseClosed')
    expect(h.takenFlows).toContain('Flow_4')
    expect(h.takenFlows).not.toContain('Flow_Dismiss')
  })

  it('ignores ids the diagram does not have (a called process) and duplicates', () => {
    const h = selectHighlights(
      { completedActivityIds: ['Task_InspectOnSite', 'Task_InspectOnSite', 'Task_FilePenaltyCase'], currentActivityIds: ['Unknown'] },
      elements,
    )

    expect(h.completed).toEqual(['Task_InspectOnSite'])
    expect(h.current).toEqual([])
    // nothing current, but no end event passed either: still running somewhere else
    expect(h.endEvent).toBeNull()
  })
})
