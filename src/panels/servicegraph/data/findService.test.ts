import { findService } from './findService';

const services = ['tracelens-demo/api-gateway', 'tracelens-demo/auth-service', 'auth', 'user-service', 'users-db'];

describe('findService', () => {
  it('takes the whole id first, in any case', () => {
    expect(findService(services, 'AUTH')).toBe('auth');
    expect(findService(services, 'tracelens-demo/auth-service')).toBe('tracelens-demo/auth-service');
  });

  it('finds a namespaced service by its name alone', () => {
    expect(findService(services, 'api-gateway')).toBe('tracelens-demo/api-gateway');
  });

  it('takes a partial name: prefixes before substrings, then the shortest', () => {
    expect(findService(services, 'api')).toBe('tracelens-demo/api-gateway');
    expect(findService(services, 'user')).toBe('users-db');
    expect(findService(services, 'gate')).toBe('tracelens-demo/api-gateway');
    expect(findService(services, ' auth-s ')).toBe('tracelens-demo/auth-service');
  });

  it('answers nothing for blank text or a name no service has', () => {
    expect(findService(services, '  ')).toBeUndefined();
    expect(findService(services, 'payments')).toBeUndefined();
  });
});
