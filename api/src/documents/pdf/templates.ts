import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { registerHelpers } from './helpers.js';
import { escapeMarkup } from './markup.js';

export const TEMPLATE_NAMES = [
  'delegation_letter',
  'session_record',
  'agreement',
  'termination_record',
  'confirmation_application',
  'ruling',
  'mediation_decree',
  'ruling_not_accepted',
  'ruling_withdrawal_permitted',
  'ruling_deemed_withdrawn',
  'followup_record',
  'service_address_confirmation',
  'dossier_cover',
  'dossier_contents',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

type Template = (context: unknown) => string;

/** `templates/` at the repository root: four levels up from api/src/documents/pdf and from dist/api/documents/pdf. */
export function defaultTemplatesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../templates');
}

const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * Recursively escapes every string of a view model for the layout markup. Templates run with
 * `noEscape` (no HTML escaping), so this is the one place user text is made safe.
 */
export function escapeView<T>(value: T): T {
  return escapeValue(value) as T;
}

function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkup(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(escapeValue);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = escapeValue(v);
    return out;
  }
  return value;
}

/** Every template and partial, parsed and compiled once. A missing template throws. */
export class TemplateSet {
  private constructor(private readonly templates: Map<TemplateName, Template>) {}

  static load(dir: string = defaultTemplatesDir()): TemplateSet {
    const hb = Handlebars.create();
    registerHelpers(hb);
    const partialsDir = join(dir, 'partials');
    if (existsSync(partialsDir)) {
      for (const file of readdirSync(partialsDir)
        .filter((f) => f.endsWith('.hbs'))
        .sort()) {
        hb.registerPartial(basename(file, '.hbs'), compile(hb, join(partialsDir, file)));
      }
    }
    const templates = new Map<TemplateName, Template>();
    for (const name of TEMPLATE_NAMES) {
      const path = join(dir, `${name}.hbs`);
      if (!existsSync(path)) throw new Error(`document template missing: ${path}`);
      templates.set(name, compile(hb, path));
    }
    return new TemplateSet(templates);
  }

  /** Renders a template with an already escaped context. */
  render(name: TemplateName, escapedContext: unknown): string {
    const template = this.templates.get(name);
    if (!template) throw new Error(`no template ${name}`);
    return template(escapedContext);
  }
}

function compile(hb: typeof Handlebars, path: string): Template {
  const source = readFileSync(path, 'utf8');
  // Handlebars compiles lazily on first use; parsing now makes a broken template fail the boot.
  try {
    hb.parse(source);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return hb.compile(source, COMPILE_OPTIONS);
}
