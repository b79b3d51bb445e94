export * from './domain-error';
export * from './to-error-body';
export * from './http-exception.filter';
export * from './validation';
