import { ConfigError, configVariablesFor, loadConfigFor, type VendorEnvContract } from '../../src/config';
import { credeauVendor } from '../../src/datasources/credeau/credeau.vendor';
import { VENDORS } from '../../src/vendors/registry';

/**
 * A vendor config has never heard of, as the composition root would hand it in: governance derives its
 * budget and breaker variables from the contract's name, with no list in src/config/ to forget.
 */
const acme = {
  key: 'acme',
  name: 'ACME',
  label: 'Acme',
  products: {},
  defaultRateLimit: undefined,
  env: { shape: {}, credentialVariables: {}, toConfig: () => ({ fixture: true }) },
} as const satisfies VendorEnvContract;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfigFor([credeauVendor, acme], env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('budget and breaker variables derived from the vendors config is handed', () => {
  it('names the four variables of a vendor added to the list, and only of vendors in it', () => {
    const variables = configVariablesFor([credeauVendor, acme]);
    expect(variables).toEqual(
      expect.arrayContaining(['ACME_RATE_LIMIT', 'ACME_RATE_LIMIT_FALLBACK_SHARE', 'ACME_BREAKER_THRESHOLD', 'ACME_BREAKER_COOLDOWN_MS']),
    );
    expect(configVariablesFor([credeauVendor])).not.toContain('ACME_RATE_LIMIT');
  });

  it("validates and applies ACME's budget and breaker", () => {
    const config = loadConfigFor([credeauVendor, acme], { ACME_RATE_LIMIT: '20/2s', ACME_BREAKER_THRESHOLD: '7' });
    const governance = config.governance.vendors.ACME;
    expect(governance).toEqual({ rateLimit: { calls: 20, windowMs: 2_000 }, fallbackShare: 0.1, breakerThreshold: 7, breakerCooldownMs: 30_000 });
  });

  it('refuses bad ACME values, naming the variable', () => {
    expect(problemsOf({ ACME_RATE_LIMIT: 'lots' }).join('\n')).toContain('ACME_RATE_LIMIT');
    expect(problemsOf({ ACME_BREAKER_THRESHOLD: '0' }).join('\n')).toContain('ACME_BREAKER_THRESHOLD');
    expect(problemsOf({ ACME_BREAKER_THRESHOLD: 'often' }).join('\n')).toContain('ACME_BREAKER_THRESHOLD');
    expect(problemsOf({ ACME_BREAKER_COOLDOWN_MS: '-1' }).join('\n')).toContain('ACME_BREAKER_COOLDOWN_MS');
    expect(problemsOf({ ACME_RATE_LIMIT: '10/60s', ACME_RATE_LIMIT_FALLBACK_SHARE: '0.5' }).join('\n')).toContain(
      'ACME_RATE_LIMIT_FALLBACK_SHARE',
    );
    expect(problemsOf({ ACME_RATE_LIMIT: '20/2s', ACME_BREAKER_THRESHOLD: '7' })).toEqual([]);
  });

  it("gives every registered vendor a breaker with a threshold (none left undefined) and a budget from its variable", () => {
    const config = loadConfigFor(VENDORS, {});
    for (const vendor of VENDORS) {
      expect({ vendor: vendor.name, threshold: config.governance.vendors[vendor.name].breakerThreshold }).toEqual({ vendor: vendor.name, threshold: 5 });
    }
    const limited = loadConfigFor(VENDORS, Object.fromEntries(VENDORS.map((vendor) => [`${vendor.name}_RATE_LIMIT`, '30/60s'])));
    for (const vendor of VENDORS) expect(limited.governance.vendors[vendor.name].rateLimit).toEqual({ calls: 30, windowMs: 60_000 });
  });

  it("applies each vendor's documented default budget when its variable is unset (Credeau 1000/60s, the others unlimited)", () => {
    const config = loadConfigFor(VENDORS, {});
    for (const vendor of VENDORS) {
      const expected = vendor.defaultRateLimit === undefined ? undefined : { calls: 1000, windowMs: 60_000 };
      expect({ vendor: vendor.name, rateLimit: config.governance.vendors[vendor.name].rateLimit }).toEqual({ vendor: vendor.name, rateLimit: expected });
    }
    expect(credeauVendor.defaultRateLimit).toBe('1000/60s');
    expect(loadConfigFor([acme], { ACME_RATE_LIMIT: '' }).governance.vendors[acme.name].rateLimit).toBeUndefined();
  });

  it('takes a set but empty <VENDOR>_RATE_LIMIT as unlimited, even where the vendor has a default', () => {
    expect(loadConfigFor(VENDORS, { CREDEAU_RATE_LIMIT: '' }).governance.vendors.CREDEAU.rateLimit).toBeUndefined();
    expect(loadConfigFor(VENDORS, { CREDEAU_RATE_LIMIT: '  ' }).governance.vendors.CREDEAU.rateLimit).toBeUndefined();
  });
});
