/**
 * What the web app runs too (values, not only types): pure code, no I/O, so that the pages
 * and the server agree. The browser may import from a module's `shared.ts` and, types
 * only, from its `index.ts`; nothing else (eslint.config.js, src/modules/shared-is-pure.test.ts).
 */
export * from './document-kinds';
