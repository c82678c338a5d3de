#!/usr/bin/env node
// Entry point of the `voiceclone` command (package.json bin): registers the TypeScript loader, then runs cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
