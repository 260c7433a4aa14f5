export * from './complaint-reference';
