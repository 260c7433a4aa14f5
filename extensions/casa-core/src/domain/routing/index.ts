export * from './route-complaint';
