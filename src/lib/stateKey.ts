/** Where the incident state lives in the browser's storage, and the version of the shape this code writes (storageRead.ts reads it). */
export const STATE_KEY = 'playbook:state';
/** Version of the stored shape this code writes. */
export const STATE_VERSION = 1;
