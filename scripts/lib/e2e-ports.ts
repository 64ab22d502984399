/** Fixed ports of the Playwright stack, away from `npm run dev`'s, so both can run at once. */
export const e2ePorts = { app: 3100, database: 54339, chain: 8555 } as const;
