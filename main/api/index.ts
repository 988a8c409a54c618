// The VPS.org API module: the client, its error type, the wire schemas and the shared input rules.
export * from './client';
export * from './errors';
export * from './schemas';
export * from '../../common/rules';
