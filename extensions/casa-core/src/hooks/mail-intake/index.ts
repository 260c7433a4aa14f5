import { defineHook } from '@directus/extensions-sdk';

// placeholder until the e-mail intake work lands
export default defineHook(() => {});
