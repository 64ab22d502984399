#!/usr/bin/env node
// The package.json bin: runs the TypeScript entry through tsx's loader, resolved from this package
// rather than the caller's directory, so `idlegrid-agent` works from anywhere without a build step.
import { register } from "tsx/esm/api";

register();
await import("../main.ts");
