#!/usr/bin/env node
// The package.json bin: runs the TypeScript entry through tsx's loader, resolved from this package
// rather than the caller's directory, so `npx idlegrid` works from a clone without a build step.
import { register } from "tsx/esm/api";

register();
await import("../main.ts");
