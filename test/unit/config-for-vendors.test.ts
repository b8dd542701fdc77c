import { ConfigError, configVariablesFor, loadConfigFor } from '../../src/config';
import { credeauVendor } from '../../src/datasources/credeau/credeau.vendor';
import { finboxVendor } from '../../src/datasources/finbox/finbox.vendor';
import { CONFIG_VARIABLES, loadConfig } from '../../src/subgraph-config';

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
});
