// Tests run server modules directly; this replaces the `server-only` guard for them.
export {};
