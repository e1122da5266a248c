/**
 * The wiring: from the list of modules (src/modules/registry.ts, handed over by whoever
 * starts a process: the CLI, the test and bench harnesses), the one catalogue of error
 * codes, the jobs the queue knows, the indicators, and each module's view of the others'
 * hooks. Checked here, so that a start fails on a mistake instead of a silent gap:
 * unique module names, codes `<module>/reason`, jobs `<module>.verb`, no duplicates.
 */
import { installErrorCatalogue, type ErrorSpec } from './errors';
import { installIndicators, type IndicatorDef } from './indicators';
import type { JobDef } from './jobs';
import type { ModuleDef } from './module';
import { platformModule } from './platform.module';

export interface Wiring {
  /** The platform module first, then the given modules in order. */
  modules: readonly ModuleDef[];
  errors: ReadonlyMap<string, ErrorSpec>;
  jobs: readonly JobDef<any>[];
  indicators: readonly IndicatorDef[];
}

const MODULE_NAME = /^[a-z0-9-]+$/;
const CODE = /^([a-z0-9-]+)\/[a-z0-9-]+$/;
const JOB = /^([a-z0-9-]+)\.[a-z0-9-]+$/;

/** Builds what a process needs from the modules, without side effects. Throws on a mistake. */
export function assemble(modules: readonly ModuleDef[]): Wiring {
  const all: readonly ModuleDef[] = [platformModule, ...modules.filter((m) => m !== platformModule)];
  const names = new Set<string>();
  const errors = new Map<string, ErrorSpec>();
  const jobs = new Map<string, JobDef<any>>();
  const indicators = new Map<string, IndicatorDef>();
  for (const m of all) {
    if (!MODULE_NAME.test(m.name)) throw new Error(`module name must be kebab-case: ${m.name}`);
    if (names.has(m.name)) throw new Error(`two modules named ${m.name}`);
    names.add(m.name);
    const platform = m === platformModule;
    for (const [code, spec] of Object.entries(m.errors ?? {})) {
      const prefix = CODE.exec(code)?.[1];
      if (!prefix) throw new Error(`error code must be module/reason: ${code} (${m.name})`);
      if (!platform && prefix !== m.name) throw new Error(`module ${m.name} declares ${code}: its codes start with ${m.name}/`);
      if (errors.has(code)) throw new Error(`error code declared twice: ${code}`);
      errors.set(code, spec);
    }
    for (const job of m.jobs ?? []) {
      const prefix = JOB.exec(job.name)?.[1];
      if (!prefix) throw new Error(`job name must be module.verb: ${job.name} (${m.name})`);
      if (!platform && prefix !== m.name) throw new Error(`module ${m.name} declares job ${job.name}: its jobs start with ${m.name}.`);
      if (jobs.has(job.name)) throw new Error(`job declared twice: ${job.name}`);
      jobs.set(job.name, job);
    }
    for (const ind of m.indicators ?? []) {
      if (indicators.has(ind.id)) throw new Error(`indicator declared twice: ${ind.id}`);
      indicators.set(ind.id, ind);
    }
  }
  return { modules: all, errors, jobs: [...jobs.values()], indicators: [...indicators.values()] };
}

/**
 * Assembles, then installs what is read without a context (the error catalogue behind
 * AppError and the HTTP error handler, the indicators) and lets the modules that others
 * plug into read their hooks. Called at every start (`boot`, and the CLI before any
 * command); calling it again with the same list changes nothing.
 */
export function wireModules(modules: readonly ModuleDef[]): Wiring {
  const w = assemble(modules);
  installErrorCatalogue(w.errors);
  installIndicators(w.indicators);
  for (const m of w.modules) m.wire?.(w.modules);
  return w;
}
