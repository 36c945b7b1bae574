import { describe, expect, it } from 'vitest'
import { loadByDistrict, loadByOfficer, nonSiteShare, rankOfficers } from './stats'

const load = [
  { district: '440304', officer: 'officer1', openCases: 3, overdueCases: 1 },
  { district: '440304', officer: null, openCases: 2, overdueCases: 0 },
  { district: '440305', officer: 'officer2', openCases: 4, overdueCases: 2 },
  { district: '440305', officer: 'officer1', openCases: 1, overdueCases: 1 },
]

describe('command & dispatch figures', () => {
  it('folds open and overdue cases by district, the busiest first', () => {
    expect(loadByDistrict(load)).toEqual([
      { key: '440304', open: 5, overdue: 1 },
      { key: '440305', open: 5, overdue: 3 },
    ])
  })

  it('folds them by officer, unclaimed cases under their own name', () => {
    expect(loadByOfficer(load, '未领取')).toEqual([
      { key: 'officer1', open: 4, overdue: 2 },
      { key: 'officer2', open: 4, overdue: 2 },
      { key: '未领取', open: 2, overdue: 0 },
    ])
  })

  it('computes the share of non-site verifications', () => {
    const activity = [
      { officer: 'officer1', inspections: 6, problemsFound: 2, nonSite: 3 },
      { officer: 'officer2', inspections: 2, problemsFound: 2, nonSite: 0 },
    ]
    expect(nonSiteShare(activity)).toEqual({ nonSite: 3, onSite: 5, percent: 37.5 })
    expect(nonSiteShare([])).toEqual({ nonSite: 0, onSite: 0, percent: null })
    expect(rankOfficers(activity).map((r) => r.officer)).toEqual(['officer1', 'officer2'])
  })
})
