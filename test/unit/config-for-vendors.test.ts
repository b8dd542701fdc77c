import { ConfigError, configVariablesFor, loadConfigFor, storedProduct, unstoredProduct, type VendorEnvContract } from '../../src/config';
import { credeauVendor } from '../../src/datasources/credeau/credeau.vendor';
import { finboxVendor } from '../../src/datasources/finbox/finbox.vendor';
import { CONFIG_VARIABLES, loadConfig } from '../../src/subgraph-config';

/** A vendor config has never heard of, with one stored and one never-stored product. */
const acme = {
  key: 'acme',
  name: 'ACME',
  label: 'Acme',
  defaultRateLimit: undefined,
  products: { score: storedProduct('acme', 'ACME_CACHE_TTL_MS', 60_000, 600_000), event: unstoredProduct('acme-event') },
  env: { shape: {}, credentialVariables: {}, toConfig: () => ({ fixture: true }) },
} as const satisfies VendorEnvContract;

/** Config is a leaf: it reads the vendors it is handed, and src/subgraph-config.ts hands it the registry. */
describe('loadConfigFor', () => {
  it('builds a section for exactly the vendors it is handed, typed by them', () => {
    const config = loadConfigFor([credeauVendor], {});
    expect(config.credeau.pollIntervalMs).toBe(2000);
    expect(config.server.port).toBe(loadConfig({}).server.port);
    expect(Object.keys(config)).not.toContain('finbox');
    // @ts-expect-error the section of a vendor not handed in is not in the type either
    expect(config.finbox).toBeUndefined();
  });

  it('validates only the handed vendors and names their credential variables', () => {
    expect(configVariablesFor([credeauVendor])).toEqual(expect.arrayContaining(['CREDEAU_CLIENT_ID', 'CREDEAU_POLL_INTERVAL_MS', 'PORT']));
    expect(configVariablesFor([credeauVendor])).not.toContain('FINBOX_API_KEY');
    expect(() => loadConfigFor([credeauVendor], { FINBOX_TIMEOUT_MS: 'soon' })).not.toThrow();
    expect(() => loadConfigFor([credeauVendor, finboxVendor], { FINBOX_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
  });

  it('refuses two vendors with one config key instead of letting one section overwrite the other', () => {
    expect(() => loadConfigFor([credeauVendor, credeauVendor], {})).toThrow('config key "credeau" is taken twice');
  });

  it('is what the registry-bound loadConfig and CONFIG_VARIABLES use', () => {
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining([...configVariablesFor([credeauVendor]), ...configVariablesFor([finboxVendor])]));
    expect(Object.keys(loadConfig({}))).toEqual(expect.arrayContaining(['credeau', 'credolab', 'neuroid', 'finbox', 'server', 'store']));
  });

  it("takes each stored product's freshness window from the product's own variable", () => {
    expect(configVariablesFor([acme])).toContain('ACME_CACHE_TTL_MS');
    expect(loadConfigFor([acme], {}).store.ttlMs).toEqual({ acme: 60_000 });
    expect(loadConfigFor([acme], { ACME_CACHE_TTL_MS: '0' }).store.ttlMs.acme).toBe(0);
    expect(() => loadConfigFor([acme], { ACME_CACHE_TTL_MS: '600001' })).toThrow('ACME_CACHE_TTL_MS');
    expect(loadConfig({ CREDEAU_SMS_CACHE_TTL_MS: '5000' }).store.ttlMs).toEqual({
      credeau: 900_000, 'credeau-sms': 5_000, credolab: 3_600_000, neuroid: 30_000, finbox: 900_000,
    });
  });

  it('refuses two products of one name: they would share the store\'s keys', () => {
    const twin = { ...acme, key: 'twin', name: 'TWIN', products: { score: storedProduct('acme', 'TWIN_CACHE_TTL_MS', 1_000) } } as const;
    expect(() => loadConfigFor([acme, twin], {})).toThrow('product "acme" is declared twice');
  });
});
