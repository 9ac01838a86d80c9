import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('when nothing is set, it runs locally with defaults', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('local');
    expect(c.port).toBe(3000);
    expect(c.auth).toMatchObject({ mode: 'local', issuer: 'http://localhost:3000/api/auth', demoPassword: 'demo-password' });
    expect(c.corsOrigins).toEqual([]);
  });

  it('when PORT and DEMO_PASSWORD are set, they apply', () => {
    const c = loadConfig({ PORT: '4100', DEMO_PASSWORD: 'another-password' });
    expect(c.port).toBe(4100);
    expect(c.auth.mode === 'local' && c.auth.demoPassword).toBe('another-password');
  });

  it('when running in aws mode without its settings, it stops naming each missing one', () => {
    expect(() => loadConfig({ PORTAL_MODE: 'aws' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORTAL_MODE: 'aws' })).toThrow(/COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, TABLE_NAME, AUDIT_TABLE_NAME/);
  });

  it('when running in aws mode with its settings, the issuer is the Cognito user pool', () => {
    const c = loadConfig({
      PORTAL_MODE: 'aws',
      AWS_REGION: 'eu-west-2',
      COGNITO_USER_POOL_ID: 'eu-west-2_abc',
      COGNITO_CLIENT_ID: 'client',
      TABLE_NAME: 't',
      AUDIT_TABLE_NAME: 'a',
    });
    expect(c.auth).toMatchObject({ mode: 'cognito', issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc', audience: 'client' });
  });

  it('when a value has the wrong form, it says which', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('when HOST is not set, the local server listens on loopback only', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('when HOST is set to an address, the local server listens there', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('when HOST is not an address, it says which setting and what to use', () => {
    expect(() => loadConfig({ HOST: 'my-laptop' })).toThrow(/HOST: use an IP address/);
  });
});
