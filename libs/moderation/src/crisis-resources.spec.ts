import { InvalidEnvError } from '@kintsugi/platform';
import { DEFAULT_CRISIS_RESOURCES, parseCrisisResources } from './crisis-resources';

describe('CRISIS_RESOURCES', () => {
  it('defaults to an international list when unset or empty', () => {
    expect(parseCrisisResources(undefined)).toEqual(DEFAULT_CRISIS_RESOURCES);
    expect(parseCrisisResources('  ')).toEqual(DEFAULT_CRISIS_RESOURCES);
    expect(DEFAULT_CRISIS_RESOURCES.map((r) => r.contact).join(' ')).toMatch(/116 123/);
  });

  it('takes a configured list of { name, contact, region }', () => {
    const list = [{ name: 'Local line', contact: 'Call 0800 000', region: 'Here' }];
    expect(parseCrisisResources(JSON.stringify(list))).toEqual(list);
  });

  it.each([
    ['not JSON', '{name'],
    ['not a list', '{"name":"a","contact":"b","region":"c"}'],
    ['an empty list', '[]'],
    ['a missing field', '[{"name":"a","contact":"b"}]'],
    ['an empty field', '[{"name":"","contact":"b","region":"c"}]'],
    ['an unknown field', '[{"name":"a","contact":"b","region":"c","extra":1}]'],
    ['a non-text field', '[{"name":"a","contact":5,"region":"c"}]'],
  ])('refuses %s, naming the variable but not its value', (_what, raw) => {
    let error: unknown;
    try {
      parseCrisisResources(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEnvError);
    expect((error as Error).message).toMatch(/CRISIS_RESOURCES/);
    expect((error as Error).message).not.toContain(raw);
  });
});
