/** The page's store, for pages that load it on demand (pageStoreLoader.ts): on a change, or when the full read must decide. */
export { pageStore } from './store.ts';
