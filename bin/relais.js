#!/usr/bin/env node
// `npx relais …`: runs the TypeScript CLI through tsx (no separate build step).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
await import(path.join(here, '..', 'src', 'main.ts'));
