/**
 * The owner's forms (packages/venues/features/venue/editor.ts) mirror the server's schema: what the
 * form accepts the schema accepts, and at every limit the schema refuses the form refuses too, so
 * the owner sees the problem next to the field instead of a refused call.
 */
import { facilityCreateRequest, venueCreateRequest } from '@api/venue'
import {
  buildFacility,
  buildVenue,
  copyHours,
  createFacilityRequest,
  createVenueRequest,
  emptyFacilityForm,
  emptyVenueForm,
  facilityNames,
  ownersOf,
  type FacilityForm,
  type VenueForm,
} from '@/packages/venues/features/venue/editor'

const UNIT = 'aaaaaaaa-0000-4000-8000-000000000001'
const VENUE = 'bbbbbbbb-0000-4000-8000-000000000001'

function venue(patch: Partial<VenueForm>): VenueForm {
  return { ...emptyVenueForm(), name: '青年之家', tier: 'flagship', ...patch }
}

/** Form and schema agree on this venue form: both accept it, or both refuse it. */
function agreesOnVenue(form: VenueForm): boolean {
  const built = buildVenue(form)
  const schema = venueCreateRequest.safeParse(
    built.ok
      ? createVenueRequest(UNIT, built.fields)
      : {
          ownerUnitId: UNIT,
          name: form.name,
          tier: form.tier,
          address: form.address,
          intro: form.intro,
          contactName: form.contactName,
          contactPhone: form.contactPhone,
          location:
            form.latitude || form.longitude
              ? { latitude: Number(form.latitude), longitude: Number(form.longitude) }
              : null,
        },
  )
  return built.ok === schema.success
}

test('venue texts, phone and coordinates: accepted and refused alike at the limits', () => {
  const cases: Partial<VenueForm>[] = [
    { name: '青' },
    { name: '青年' },
    { name: '青'.repeat(60) },
    { name: '青'.repeat(61) },
    { address: '路'.repeat(120) },
    { address: '路'.repeat(121) },
    { intro: '介'.repeat(1000) },
    { intro: '介'.repeat(1001) },
    { contactName: '名'.repeat(20) },
    { contactName: '名'.repeat(21) },
    { contactPhone: '13912345678' },
    { contactPhone: '+86 139-1234-5678' },
    { contactPhone: '12912345678' },
    { contactPhone: '0511-85551234' },
    { latitude: '90', longitude: '180' },
    { latitude: '90.0001', longitude: '119' },
    { latitude: '32', longitude: '-180.5' },
  ]
  for (const c of cases) expect({ case: c, agrees: agreesOnVenue(venue(c)) }).toEqual({ case: c, agrees: true })
})

test('hours and exceptions the form accepts pass the schema; overlaps and empty ranges are refused', () => {
  const hours = copyHours(
    [
      [],
      [
        { opens: '09:00', closes: '12:00' },
        { opens: '14:00', closes: '24:00' },
      ],
      [],
      [],
      [],
      [],
      [],
      [],
    ],
    1,
    [1, 2, 3, 4, 5, 6, 7],
  )
  const good = venue({
    hours,
    exceptions: [
      { day: '2026-10-01', closed: true, ranges: [], note: '国庆闭馆' },
      { day: '2026-12-31', closed: false, ranges: [{ opens: '09:00', closes: '12:00' }], note: '' },
    ],
  })
  const built = buildVenue(good)
  expect(built.ok).toBe(true)
  if (built.ok) {
    expect(venueCreateRequest.safeParse(createVenueRequest(null, built.fields)).success).toBe(true)
    expect(built.fields.hours).toHaveLength(14)
    expect(built.fields.exceptions?.[0]).toEqual({ day: '2026-10-01', ranges: [], note: '国庆闭馆' })
  }
  const refused = (patch: Partial<VenueForm>) => buildVenue(venue(patch))
  const overlap = copyHours(hours, 1, [])
  overlap[2] = [
    { opens: '09:00', closes: '12:00' },
    { opens: '11:00', closes: '13:00' },
  ]
  expect(refused({ hours: overlap })).toEqual({ ok: false, errors: { 'day.2': '时段有重叠' } })
  const empty = copyHours(hours, 1, [])
  empty[3] = [{ opens: '12:00', closes: '12:00' }]
  expect(refused({ hours: empty })).toEqual({ ok: false, errors: { 'day.3': '结束时间须晚于开始时间' } })
  expect(refused({ exceptions: [{ day: '2026-02-30', closed: true, ranges: [], note: '' }] }).ok).toBe(false)
  expect(refused({ exceptions: [{ day: '2026-10-01', closed: true, ranges: [], note: '注'.repeat(61) }] }).ok).toBe(
    false,
  )
})

const RULES: (keyof FacilityForm)[] = [
  'seats',
  'slotMinutes',
  'minMinutes',
  'maxMinutes',
  'maxDaysAhead',
  'leadMinutes',
  'cancelHours',
]

test('facility numbers: where the schema refuses a value, the form refuses it too, and what the form sends passes', () => {
  // Rules that agree with each other at slot 5, so each field can move alone.
  const base: FacilityForm = {
    ...emptyFacilityForm(),
    kind: 'gym',
    name: '健身房',
    slotMinutes: '5',
    minMinutes: '5',
    maxMinutes: '10080',
  }
  const values = [
    '-1',
    '0',
    '1',
    '4',
    '5',
    '240',
    '241',
    '366',
    '367',
    '720',
    '721',
    '1440',
    '1441',
    '10080',
    '10081',
    '20160',
    '20161',
    '1.5',
  ]
  for (const field of RULES) {
    for (const value of values) {
      const form = { ...base, [field]: value }
      const built = buildFacility(form, true)
      const payload = built.ok
        ? createFacilityRequest(VENUE, built.fields, built.fields.name)
        : {
            venueId: VENUE,
            kind: 'gym',
            name: '健身房',
            ...Object.fromEntries(RULES.map((k) => [k, Number(form[k])])),
          }
      const schema = facilityCreateRequest.safeParse(payload)
      if (built.ok) expect({ field, value, schema: schema.success }).toEqual({ field, value, schema: true })
      if (!schema.success) expect({ field, value, form: built.ok }).toEqual({ field, value, form: false })
    }
  }
})

test('several alike get numbered names; only unit admins and the district admin own venues here', () => {
  expect(facilityNames('羽毛球场', 3)).toEqual(['羽毛球场 1 号', '羽毛球场 2 号', '羽毛球场 3 号'])
  expect(facilityNames('健身房', 1)).toEqual(['健身房'])
  const me = {
    userId: 'u',
    nickname: '陆斌',
    roles: ['youth' as const, 'district_admin' as const],
    units: [
      { id: UNIT, name: '中国邮政镇江分公司团委', role: 'admin' as const },
      { id: VENUE, name: '中国移动镇江分公司团委', role: 'organiser' as const },
    ],
    privacy: { version: '1', agreed: true, agreedAt: null },
    application: null,
  }
  expect(ownersOf(me)).toEqual([
    { unitId: UNIT, name: '中国邮政镇江分公司团委' },
    { unitId: null, name: '团区委（区属场地）' },
  ])
})
