import { seededRandom, stableHash } from '../simulator-server';

/**
 * Credolab answers in the shapes of the vendor's own samples (API v6.0 page), with values derived from
 * the reference number so the same dataset always scores the same and different datasets differ.
 */

/** The Android sample: `velocity` is an object, `permission` an array of {permission, state: "1"|null}. */
export function androidInsight(referenceNumber: string, requestor: string) {
  const { score, probability, deviceId } = derived(referenceNumber);
  return {
    datasetInfo: { referenceNumber, uploadDate: '2021-08-31T06:23:14.342556', source: 0 },
    requestedDate: nowWithMicros(),
    requestor,
    scores: [{ code: 'SC01', value: score, probability }],
    fragments: [
      { code: 'velocity', value: { isRepeatableUpload: '1', associatedDatasetsCount: '2' } },
      { code: 'device_info', value: { deviceID: deviceId, osVersion: '10', brand: 'Redmi', model: 'M2006C3LG' } },
      {
        code: 'permission',
        value: [
          { permission: 'READ_CONTACTS', state: '1' },
          { permission: 'READ_EXTERNAL_STORAGE', state: '1' },
          { permission: 'READ_CALENDAR', state: '1' },
          { permission: 'GET_ACCOUNTS', state: '1' },
          { permission: 'QUERY_ALL_PACKAGES', state: null },
          { permission: 'BLUETOOTH', state: '1' },
          { permission: 'ACCESS_WIFI_STATE', state: '1' },
          { permission: 'USE_FINGERPRINT', state: '1' },
        ],
      },
      { code: 'fragment_sample', value: { sample_attribute_1: 'value', sample_attribute_2: 'value' } },
    ],
  };
}

/** The iOS sample: `velocity` is an array of one object, permission states are numbers, time ends in Z. */
export function iosInsight(referenceNumber: string, requestor: string) {
  const { score, probability, deviceId } = derived(referenceNumber);
  return {
    datasetInfo: { referenceNumber, source: 1, uploadDate: '2021-06-10T15:51:26.327685' },
    requestedDate: new Date().toISOString(),
    requestor,
    scores: [{ code: 'SC01', value: score, probability }],
    fragments: [
      {
        code: 'permissions',
        value: [
          { permission: 'NSPhotoLibraryUsageDescription', state: 0 },
          { permission: 'NSContactsUsageDescription', state: 0 },
          { permission: 'NSAppleMusicUsageDescription', state: 0 },
          { permission: 'NSCalendarsUsageDescription', state: 0 },
          { permission: 'NSRemindersUsageDescription', state: 0 },
        ],
      },
      { code: 'device_info', value: { deviceID: deviceId, osVersion: '10', brand: 'iPhone', model: '12_mini' } },
      { code: 'velocity', value: [{ isRepeatableUpload: '1', associatedDatasetsCount: '2' }] },
      { code: 'fragment_sample', value: { sample_attribute_1: 'value', sample_attribute_2: 'value' } },
    ],
  };
}

/** Web datasets: two scorecards and a string-valued fragment (the page allows string/array/object). */
export function webInsight(referenceNumber: string, requestor: string) {
  const { score, probability } = derived(referenceNumber);
  return {
    datasetInfo: { referenceNumber, uploadDate: '2022-02-01T09:00:00.000001', source: 2 },
    requestedDate: nowWithMicros(),
    requestor,
    scores: [
      { code: 'SC01', value: score, probability },
      { code: 'SC02', value: score - 40, probability: Math.min(1, Math.round((probability + 0.01) * 10_000) / 10_000) },
    ],
    fragments: [{ code: 'browser', value: 'Chrome 120' }],
  };
}

/** The iovation answer as the page shows it, filled with deterministic values. */
export function fraudCheckResult(referenceNumber: string, rulesetId: string, accountCode: string, requestor: string, deny: boolean) {
  const random = seededRandom(stableHash(`fraud:${referenceNumber}`));
  const rules = deny
    ? [
        { type: 'Device', reason: 'Device seen with many accounts', score: -100 },
        { type: 'Velocity', reason: 'Too many transactions in 24h', score: -50 },
      ]
    : [{ type: 'Device', reason: 'Known good device', score: 25 }];
  const ip = (address: string) => ({
    address,
    isp: 'Sim Telecom',
    parentOrganization: 'Sim Holdings',
    source: 'subscriber',
    ipLocation: { city: 'Singapore', country: 'SINGAPORE', countryCode: 'SG', region: 'CENTRAL SINGAPORE', latitude: 1.29, longitude: 103.85 },
  });
  return {
    accountCode,
    requestedDate: new Date().toISOString(),
    rulesetId,
    requestor,
    value: {
      id: `sim-${stableHash(`${referenceNumber}:${accountCode}`).toString(16)}`,
      result: deny ? 'D' : 'A',
      reason: deny ? 'Rules matched' : 'No rules matched',
      statedIp: '203.0.113.7',
      accountCode,
      // Real tracking numbers exceed 2^31, which is why our schema gives them as text.
      trackingNumber: 8_000_000_000_000 + Math.floor(random() * 1_000_000_000),
      details: {
        device: {
          alias: 5_000_000_000 + Math.floor(random() * 1_000_000),
          blackboxMetadata: { age: 12, timeStamp: '2020-01-20T14:33:14.683Z' },
          firstSeen: '2020-01-20T14:33:14.683Z',
          isNew: false,
          mobile: {
            brand: 'Redmi', charging: true, manufacturer: 'Xiaomi', model: 'M2006C3LG', orientation: 'portrait',
            screenResolution: '720x1600',
            app: { bundleId: 'com.example.lender', exeName: 'lender', debug: false, marketId: 'play', name: 'Lender', signerId: 'sig', version: '1.2.3' },
            location: { enabled: true, timezone: 'Asia/Singapore' },
            system: { allowUnknownStore: false, androidSdkLevel: '29', jailRootDetected: false, osVersion: '10', simulator: false, uptime: 3600 },
            build: { device: 'angelica', product: 'angelica_global' },
          },
          os: 'ANDROID',
          type: 'ANDROID',
        },
        statedIp: ip('203.0.113.7'),
        realIp: ip('203.0.113.8'),
        ruleResults: { score: rules.reduce((sum, rule) => sum + rule.score, 0), rulesMatched: rules.length, rules },
      },
    },
  };
}

function derived(referenceNumber: string) {
  const random = seededRandom(stableHash(referenceNumber));
  const score = 300 + Math.floor(random() * 551);
  return {
    score,
    probability: Math.round(random() * 2000) / 10_000,
    deviceId: stableHash(`device:${referenceNumber}`).toString(16).padStart(8, '0').repeat(4),
  };
}

/** Credolab writes microseconds and no zone (`2021-08-31T06:25:39.757978`). */
function nowWithMicros(): string {
  return `${new Date().toISOString().slice(0, 23)}978`;
}
