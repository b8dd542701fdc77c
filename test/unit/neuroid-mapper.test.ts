import { toBehaviorSignals } from '../../src/datasources/neuroid/neuroid.mapper';

/** The first sample of NeuroID's Analytics API v4.1 page, with scores and attributes. */
const SUCCESS = {
  status: 'SUCCESS',
  message: 'success',
  moreInfo: null,
  profile: {
    siteId: 'form_mySiteID',
    funnel: 'funnelNameIfConfigured',
    clientId: 'browserID',
    interactionAttributes: { interaction_time_ms: 32487, session_id_count: 2 },
    signals: [
      { model: 'familiarity', label: 'high', attributes: { other__timing__feature_4: null }, score: 97.68 },
      { model: 'combined_digital_intent', label: 'genuine', attributes: {}, score: 0.0 },
      { model: 'risky_device', label: 'false', attributes: { risky_application_count: 0 }, score: 0.0 },
    ],
    id: 'MY-USER-ID',
  },
};

const error = (status: string) => ({ status, message: 'vendor words', moreInfo: 'https://docs' });

describe('NeuroID mapper', () => {
  it('maps SUCCESS to COMPLETE with every field of the profile', () => {
    const record = toBehaviorSignals(200, SUCCESS, 'MY-USER-ID', 'form_mySiteID');
    expect(record).toEqual({
      status: 'COMPLETE',
      profileId: 'MY-USER-ID',
      siteId: 'form_mySiteID',
      funnel: 'funnelNameIfConfigured',
      clientId: 'browserID',
      interactionAttributes: { interaction_time_ms: 32487, session_id_count: 2 },
      signals: [
        { model: 'familiarity', label: 'high', attributes: { other__timing__feature_4: null }, score: 97.68 },
        { model: 'combined_digital_intent', label: 'genuine', attributes: {}, score: 0 },
        { model: 'risky_device', label: 'false', attributes: { risky_application_count: 0 }, score: 0 },
      ],
    });
  });

  it('keeps the signals and their null scores for NOT_ENOUGH_INTERACTION_DATA (INSUFFICIENT_DATA)', () => {
    const body = {
      ...SUCCESS,
      status: 'NOT_ENOUGH_INTERACTION_DATA',
      profile: { ...SUCCESS.profile, signals: [{ model: 'familiarity', label: 'insufficient data', score: null }, { model: 'risky_device', label: 'false', score: 0 }] },
    };
    const record = toBehaviorSignals(200, body, 'MY-USER-ID', 'form_mySiteID');
    expect(record.status).toBe('INSUFFICIENT_DATA');
    expect(record.signals).toEqual([
      { model: 'familiarity', label: 'insufficient data', score: null, attributes: null },
      { model: 'risky_device', label: 'false', score: 0, attributes: null },
    ]);
  });

  it('maps SITE_NOT_CONFIGURED to NOT_CONFIGURED with no signals, and 404 PROFILE_NOT_FOUND to NOT_FOUND', () => {
    expect(toBehaviorSignals(200, { status: 'SITE_NOT_CONFIGURED', message: 'x', moreInfo: null }, 'u-1', 's-1')).toMatchObject({
      status: 'NOT_CONFIGURED', profileId: 'u-1', siteId: 's-1', signals: [],
    });
    expect(toBehaviorSignals(200, { ...SUCCESS, status: 'SITE_NOT_CONFIGURED' }, 'MY-USER-ID', 'form_mySiteID').signals).toEqual([]);
    expect(toBehaviorSignals(404, error('PROFILE_NOT_FOUND'), 'u-1', 's-1')).toEqual({
      status: 'NOT_FOUND', profileId: 'u-1', siteId: 's-1', funnel: null, clientId: null, signals: [], interactionAttributes: null,
    });
  });

  it.each([
    [401, 'MISSING_API_KEY', 'VENDOR_UNAUTHORIZED'],
    [401, 'UNAUTHORIZED_ACCESS', 'VENDOR_UNAUTHORIZED'],
    [401, 'UNAUTHORIZED_API_KEY', 'VENDOR_UNAUTHORIZED'],
    [403, 'ACCESS_DENIED', 'VENDOR_UNAUTHORIZED'],
    [400, 'BAD_REQUEST', 'VENDOR_BAD_REQUEST'],
    [400, 'MISSING_REQUIRED_QUERY_PARAMETER', 'VENDOR_BAD_REQUEST'],
    [406, 'NOT_ACCEPTABLE', 'VENDOR_BAD_REQUEST'],
    [404, 'NOT_FOUND', 'VENDOR_BAD_REQUEST'],
  ])('maps %s %s to %s, naming the status but not the message', (status, vendorStatus, code) => {
    let thrown: unknown;
    try {
      toBehaviorSignals(status, error(vendorStatus), 'u-1', 's-1');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code, vendor: 'NEUROID', httpStatus: status });
    expect((thrown as Error).message).toContain(`(${vendorStatus})`);
    expect((thrown as Error).message).not.toContain('vendor words');
  });

  it('refuses an unknown status, a profile of someone else, and a SUCCESS without a profile', () => {
    for (const [body, id] of [
      [{ ...SUCCESS, status: 'MAYBE' }, 'MY-USER-ID'],
      [SUCCESS, 'another-user'],
      [{ status: 'SUCCESS' }, 'MY-USER-ID'],
      ['SUCCESS', 'MY-USER-ID'],
    ] as const) {
      expect(() => toBehaviorSignals(200, body, id, 'form_mySiteID')).toThrow(expect.objectContaining({ code: 'VENDOR_BAD_RESPONSE' }));
    }
    expect(() => toBehaviorSignals(200, SUCCESS, 'MY-USER-ID', 'other_site')).toThrow(expect.objectContaining({ code: 'VENDOR_BAD_RESPONSE' }));
  });
});
