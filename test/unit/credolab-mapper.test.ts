import {
  loginRejection,
  parseCredolabTime,
  toCredolabScore,
  toCredolabToken,
  toFraudCheck,
  toFraudCheckRequest,
} from '../../src/datasources/credolab/credolab.mapper';
import { VendorError } from '../../src/errors';

/** The two samples from Credolab's API v6.0 page, trimmed to what differs between them. */
const ANDROID = {
  datasetInfo: { referenceNumber: '12345678', uploadDate: '2021-08-31T06:23:14.342556', source: 0 },
  requestedDate: '2021-08-31T06:25:39.757978',
  requestor: 'requestor@test.com',
  scores: [{ code: 'SC01', value: 595, probability: 0.0407 }],
  fragments: [
    { code: 'velocity', value: { isRepeatableUpload: '1', associatedDatasetsCount: '2' } },
    { code: 'permission', value: [{ permission: 'QUERY_ALL_PACKAGES', state: null }] },
  ],
};
const IOS = {
  datasetInfo: { referenceNumber: '123456789', source: 1, uploadDate: '2021-06-10T15:51:26.327685' },
  requestedDate: '2021-07-23T10:20:16.555Z',
  requestor: 'requestor@test.com',
  scores: [{ code: 'SC01', value: 585, probability: 0.0407 }, { code: 'SC02', value: 610, probability: 0.03 }],
  fragments: [{ code: 'velocity', value: [{ isRepeatableUpload: '1', associatedDatasetsCount: '2' }] }],
};

const problem = (status: number, title: string) => ({ type: 'https://tools.ietf.org/html/rfc7231', title, status, detail: 'vendor words' });

describe('Credolab mapper: dataset insight', () => {
  it('maps the Android sample: platform, GMT times without a zone, first scorecard, fragments as sent', () => {
    const record = toCredolabScore(200, ANDROID, '12345678');
    expect(record).toMatchObject({
      status: 'COMPLETE', referenceNumber: '12345678', platform: 'ANDROID', score: 595, probability: 0.0407,
      scores: [{ code: 'SC01', value: 595, probability: 0.0407 }],
    });
    expect(record.uploadedAt?.toISOString()).toBe('2021-08-31T06:23:14.342Z');
    expect(record.requestedAt?.toISOString()).toBe('2021-08-31T06:25:39.757Z');
    expect(record.fragments).toEqual(ANDROID.fragments);
    // The requestor is our own login e-mail: it has no place in a customer's score.
    expect(JSON.stringify(record)).not.toContain('requestor@test.com');
  });

  it('maps the iOS sample, keeping velocity as the array iOS sends, score from the first scorecard', () => {
    const record = toCredolabScore(200, IOS, '123456789');
    expect(record).toMatchObject({ status: 'COMPLETE', platform: 'IOS', score: 585, probability: 0.0407 });
    expect(record.scores).toHaveLength(2);
    expect(record.fragments[0]?.value).toEqual([{ isRepeatableUpload: '1', associatedDatasetsCount: '2' }]);
    expect(record.requestedAt?.toISOString()).toBe('2021-07-23T10:20:16.555Z');
  });

  it('reads source 2 as WEB and an unknown source as null; a dataset without scores has null score', () => {
    expect(toCredolabScore(200, { datasetInfo: { source: 2 } }, 'r').platform).toBe('WEB');
    const odd = toCredolabScore(200, { datasetInfo: { source: 7 } }, 'r');
    expect(odd).toMatchObject({ platform: null, score: null, probability: null, scores: [], fragments: [] });
  });

  it.each([
    [404, 'reference_number_invalid', 'NOT_FOUND'],
    [410, 'dataset_removed', 'REMOVED'],
    [400, 'insights_is_not_configured', 'NOT_CONFIGURED'],
  ])('maps %s %s to status %s with no scores', (status, title, expected) => {
    expect(toCredolabScore(status, problem(status, title), 'ref-1')).toMatchObject({
      status: expected, referenceNumber: 'ref-1', scores: [], fragments: [], score: null, platform: null,
    });
  });

  it('turns a validation 400 and an unknown 404 into VENDOR_BAD_REQUEST without quoting the body', () => {
    const validation = { errors: { referenceNumber: ["'jane@example.com' is not valid"] }, title: 'One or more validation errors occurred.', status: 400 };
    for (const [status, body] of [[400, validation], [404, problem(404, 'no_such_route')]] as const) {
      let error: unknown;
      try {
        toCredolabScore(status, body, 'r');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(VendorError);
      expect(error).toMatchObject({ code: 'VENDOR_BAD_REQUEST', vendor: 'CREDOLAB', httpStatus: status });
      expect((error as Error).message).not.toMatch(/jane|validation errors|no_such_route/);
    }
  });

  it('refuses an answer about another dataset, or one that is not an object', () => {
    expect(() => toCredolabScore(200, ANDROID, 'someone-else')).toThrow(expect.objectContaining({ code: 'VENDOR_BAD_RESPONSE' }));
    expect(() => toCredolabScore(200, [ANDROID], '12345678')).toThrow(expect.objectContaining({ code: 'VENDOR_BAD_RESPONSE' }));
  });
});

describe('Credolab mapper: tokens and login', () => {
  it('takes the lifetime from .expires - .issued (7 fraction digits, offsets) and applies it to our clock', () => {
    const token = toCredolabToken(
      { access_token: 'a', token_type: 'bearer', '.issued': '2018-04-08T11:01:41.9286886+03:00', '.expires': '2018-04-08T12:01:41.9286886+03:00', refresh_token: 'r' },
      1_000,
    );
    expect(token).toEqual({ accessToken: 'a', refreshToken: 'r', lifetimeMs: 3_600_000, expiresAt: 3_601_000 });
  });

  it('assumes the documented 60 minutes when the times are missing or say nothing', () => {
    expect(toCredolabToken({ access_token: 'a' }, 0)).toMatchObject({ lifetimeMs: 3_600_000, refreshToken: null });
    // The page's own sample has .issued == .expires.
    const same = '2018-04-08T11:01:41.9286886+03:00';
    expect(toCredolabToken({ access_token: 'a', '.issued': same, '.expires': same }, 0).lifetimeMs).toBe(3_600_000);
  });

  it('refuses a login answer without an access token', () => {
    expect(() => toCredolabToken({ token_type: 'bearer' }, 0)).toThrow(expect.objectContaining({ code: 'VENDOR_BAD_RESPONSE' }));
  });

  it.each([
    [400, 'password_invalid'],
    [404, 'user_email_invalid'],
    [400, 'subscription_suspended'],
    [400, 'profile_inactive'],
  ])('maps login %s %s to VENDOR_UNAUTHORIZED', (status, title) => {
    expect(loginRejection(status, problem(status, title))).toMatchObject({ code: 'VENDOR_UNAUTHORIZED', vendor: 'CREDOLAB', httpStatus: status });
  });

  it('maps a login validation error to VENDOR_BAD_REQUEST', () => {
    expect(loginRejection(400, { errors: { password: ['Password is required'] }, status: 400 })).toMatchObject({ code: 'VENDOR_BAD_REQUEST' });
  });
});

describe('Credolab mapper: fraud check', () => {
  const SAMPLE = {
    accountCode: 'acc-1', requestedDate: '2020-01-20T14:33:14.682Z', rulesetId: 'default', requestor: 'us@lender.test',
    value: {
      id: 'chk-1', result: 'D', reason: 'Rules matched', statedIp: '203.0.113.7', accountCode: 'acc-1', trackingNumber: 8_000_000_000_123,
      details: {
        device: { alias: 5_000_000_001, blackboxMetadata: { age: 12, timeStamp: '2020-01-20T14:33:14.683Z' }, firstSeen: '2020-01-20T14:33:14.683Z', isNew: true, os: 'ANDROID', type: 'ANDROID', mobile: { brand: 'Redmi' } },
        statedIp: { address: '203.0.113.7', isp: 'Sim', ipLocation: { city: 'Singapore', countryCode: 'SG', latitude: 1.29, longitude: 103.85 } },
        ruleResults: { score: -150, rulesMatched: 2, rules: [{ type: 'Device', reason: 'Many accounts', score: -100 }, { type: 'Velocity', reason: 'Fast', score: -50 }] },
      },
    },
  };

  it('types result, rules and device details; large numbers become text; JSON for the rest', () => {
    const record = toFraudCheck(200, SAMPLE);
    expect(record).toMatchObject({
      status: 'COMPLETE', accountCode: 'acc-1', rulesetId: 'default', resultId: 'chk-1', result: 'D', reason: 'Rules matched',
      trackingNumber: '8000000000123', score: -150, rulesMatched: 2,
      rules: [{ type: 'Device', reason: 'Many accounts', score: -100 }, { type: 'Velocity', reason: 'Fast', score: -50 }],
      device: { alias: '5000000001', isNew: true, os: 'ANDROID', type: 'ANDROID', blackboxAge: 12, mobile: { brand: 'Redmi' } },
      statedIp: { address: '203.0.113.7', isp: 'Sim', city: 'Singapore', countryCode: 'SG', latitude: 1.29, longitude: 103.85 },
      realIp: null,
    });
    expect(record.device?.firstSeen?.toISOString()).toBe('2020-01-20T14:33:14.683Z');
    expect(JSON.stringify(record)).not.toContain('us@lender.test');
  });

  it.each([
    [404, 'reference_number_invalid', 'NOT_FOUND'],
    [410, 'dataset_removed', 'REMOVED'],
    [400, 'missing_settings', 'NOT_CONFIGURED'],
    [400, 'empty_iovation_metadata', 'NO_DATA'],
  ])('maps %s %s to status %s', (status, title, expected) => {
    expect(toFraudCheck(status, problem(status, title))).toMatchObject({ status: expected, rules: [], device: null });
  });

  it('maps an unknown ruleset to VENDOR_BAD_REQUEST naming the documented title', () => {
    expect(() => toFraudCheck(400, problem(400, 'ruleset_id_invalid'))).toThrow(
      expect.objectContaining({ code: 'VENDOR_BAD_REQUEST', message: expect.stringContaining('ruleset_id_invalid') }),
    );
  });

  it('sends only the insight fields given', () => {
    expect(toFraudCheckRequest('acc', null)).toEqual({ iovationRequestParams: { accountCode: 'acc' } });
    expect(toFraudCheckRequest('acc', { email: 'a@b.c', eventId: null })).toEqual({
      iovationRequestParams: { accountCode: 'acc', transactionInsight: { email: 'a@b.c' } },
    });
  });
});

describe('parseCredolabTime', () => {
  it('reads zone-less times as GMT and cuts long fractions to milliseconds', () => {
    expect(parseCredolabTime('2021-08-31T06:23:14.342556')?.toISOString()).toBe('2021-08-31T06:23:14.342Z');
    expect(parseCredolabTime('2018-04-08T11:01:41.9286886+03:00')?.toISOString()).toBe('2018-04-08T08:01:41.928Z');
    expect(parseCredolabTime('2021-08-31T06:23:14')?.toISOString()).toBe('2021-08-31T06:23:14.000Z');
    expect(parseCredolabTime('yesterday')).toBeNull();
    expect(parseCredolabTime(42)).toBeNull();
  });
});
